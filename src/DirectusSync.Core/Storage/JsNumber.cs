using System.Globalization;

namespace DirectusSync.Core.Storage;

/// <summary>
/// Writes a double as JavaScript's <c>Number.prototype.toString()</c> does (ECMA-262 Number::toString):
/// the shortest digits that round-trip, plain notation for decimal exponents from -6 to 21 and
/// <c>1e+21</c> style beyond, no trailing <c>.0</c>, and <c>0</c> for negative zero.
/// </summary>
internal static class JsNumber
{
    public static string Format(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JavaScript has no JSON form for NaN or infinities.");
        }

        if (value == 0)
        {
            return "0";
        }

        var sign = value < 0 ? "-" : "";
        var (digits, exponent) = ShortestDigits(Math.Abs(value));
        return sign + Layout(digits, exponent);
    }

    // .NET Core 3.0+ prints the shortest round-trip digits, as JavaScript does, but lays them out
    // differently ("1E+15", "1.5E-07"); take only the digits and the decimal exponent from it.
    // The result means 0.<digits> × 10^exponent, with no leading or trailing zero digit.
    private static (string Digits, int Exponent) ShortestDigits(double positive)
    {
        var text = positive.ToString("R", CultureInfo.InvariantCulture);
        var mantissa = text;
        var scale = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = text[..e];
            scale = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var point = mantissa.IndexOf('.');
        var digits = point >= 0 ? mantissa.Remove(point, 1) : mantissa;
        var exponent = (point >= 0 ? point : mantissa.Length) + scale;

        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leadingZeros..].TrimEnd('0');
        return (digits, exponent - leadingZeros);
    }

    private static string Layout(string digits, int n)
    {
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }

        var exponent = n - 1;
        var exponentText = (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return k == 1
            ? digits + "e" + exponentText
            : digits[..1] + "." + digits[1..] + "e" + exponentText;
    }
}
