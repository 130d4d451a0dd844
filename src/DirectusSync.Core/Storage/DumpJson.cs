using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json.Linq;
using StrictJsonException = System.Text.Json.JsonException;
using StrictJsonReader = System.Text.Json.Utf8JsonReader;
using StrictJsonReaderOptions = System.Text.Json.JsonReaderOptions;
using StrictJsonTokenType = System.Text.Json.JsonTokenType;

namespace DirectusSync.Core.Storage;

/// <summary>
/// Reads and writes dump files byte for byte as directus-sync does: its files are written by fs-extra's
/// <c>writeJsonSync(file, value, { spaces: 2 })</c>, i.e. <c>JSON.stringify(value, null, 2) + "\n"</c>
/// in UTF-8, so a pull by either tool leaves git with nothing to commit.
/// </summary>
public static class DumpJson
{
    // Nesting allowed when reading. JSON.parse has none, but a file this deep is no Directus config,
    // and the limit keeps the recursive writer far from the end of the stack.
    private const int MaxDepth = 1000;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Serializes a value as Node's <c>JSON.stringify(value, null, 2) + "\n"</c>: two-space indent,
    /// <c>"key": value</c>, <c>\n</c> line ends, <c>[]</c> and <c>{}</c> for empty containers, non-ASCII
    /// text as is, numbers as JavaScript prints them (<c>1</c> for <c>1.0</c>, <c>1e+21</c>), and, as
    /// JavaScript objects do, keys that are array indices (<c>"0"</c>, <c>"42"</c>) first in numeric order.
    /// </summary>
    /// <param name="value">The value. <see cref="JTokenType.Undefined"/> properties are left out and
    /// undefined array elements, NaN and infinities become <c>null</c>, as in JavaScript.</param>
    /// <param name="sortKeys">Sort object keys recursively with <see cref="JsLocaleComparer"/>
    /// (directus-sync's <c>--sort-json</c>); arrays keep their order either way.</param>
    /// <returns>The JSON text, ending with a line feed.</returns>
    /// <exception cref="ArgumentException">The value holds a token JSON cannot express (comment, constructor, raw JSON, undefined at the top).</exception>
    public static string Serialize(JToken value, bool sortKeys)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Type == JTokenType.Undefined)
        {
            throw new ArgumentException("An undefined value has no JSON form.", nameof(value));
        }

        var json = new StringBuilder();
        WriteValue(json, value, sortKeys, indent: 0);
        return json.Append('\n').ToString();
    }

    /// <summary>
    /// Writes <see cref="Serialize"/>'s text to a file in UTF-8 without a byte order mark, creating the
    /// parent folder when needed and replacing the file when it exists.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="sortKeys">Sort object keys recursively (see <see cref="Serialize"/>).</param>
    public static void Write(string path, JToken value, bool sortKeys)
    {
        var text = Serialize(value, sortKeys);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, text, Utf8NoBom);
    }

    /// <summary>
    /// Reads a JSON file as strictly as JavaScript's <c>JSON.parse</c> (no comments, trailing commas,
    /// single quotes, NaN or leading zeros). Dates stay strings; numbers with a fraction or exponent are
    /// doubles, other numbers integers (long, or BigInteger beyond); a UTF-8 byte order mark is skipped;
    /// a repeated key keeps its first position with its last value, as in JavaScript.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <returns>The file's value.</returns>
    /// <exception cref="DumpFileException">The file is missing or unreadable, or is not valid JSON
    /// (the message then gives the line and the position in that line, both from 1).</exception>
    public static JToken ReadFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var bytes = ReadBytes(fullPath);
        return Parse(bytes, fullPath);
    }

    /// <summary>Parses JSON text as <see cref="ReadFile"/> does; <paramref name="source"/> names it in errors.</summary>
    internal static JToken Parse(string json, string source) => Parse(Encoding.UTF8.GetBytes(json), source);

    private static JToken Parse(ReadOnlySpan<byte> content, string source)
    {
        if (content.StartsWith(ByteOrderMark))
        {
            // fs-extra's readJsonSync strips it too.
            content = content[ByteOrderMark.Length..];
        }

        if (content.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new DumpFileException(source, "the file is empty, expected JSON");
        }

        return BuildTree(content, source);
    }

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static byte[] ReadBytes(string fullPath)
    {
        if (Directory.Exists(fullPath))
        {
            throw new DumpFileException(fullPath, "this is a folder, expected a JSON file");
        }

        try
        {
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DumpFileException(fullPath, "the file does not exist", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DumpFileException(fullPath, $"the file cannot be read: {ex.Message}", ex);
        }
    }

    // Newtonsoft's reader accepts much that JSON.parse refuses (comments, trailing commas, 'quotes',
    // NaN, 010 read as octal) and turns lone surrogates into U+FFFD; System.Text.Json's reader is as
    // strict as JSON.parse, so the tree is built from its tokens, with JSON.parse's semantics.
    private static JToken BuildTree(ReadOnlySpan<byte> utf8, string fullPath)
    {
        var reader = new StrictJsonReader(utf8, new StrictJsonReaderOptions { MaxDepth = MaxDepth });
        var open = new Stack<JContainer>();
        JToken? root = null;
        string? propertyName = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case StrictJsonTokenType.StartObject:
                        open.Push(Add(new JObject()));
                        break;
                    case StrictJsonTokenType.StartArray:
                        open.Push(Add(new JArray()));
                        break;
                    case StrictJsonTokenType.EndObject:
                    case StrictJsonTokenType.EndArray:
                        open.Pop();
                        break;
                    case StrictJsonTokenType.PropertyName:
                        propertyName = ReadString(ref reader);
                        break;
                    case StrictJsonTokenType.String:
                        Add(new JValue(ReadString(ref reader)));
                        break;
                    case StrictJsonTokenType.Number:
                        Add(ReadNumber(reader.ValueSpan));
                        break;
                    case StrictJsonTokenType.True:
                        Add(new JValue(true));
                        break;
                    case StrictJsonTokenType.False:
                        Add(new JValue(false));
                        break;
                    case StrictJsonTokenType.Null:
                        Add(JValue.CreateNull());
                        break;
                }
            }
        }
        catch (StrictJsonException ex)
        {
            var line = ex.LineNumber ?? 0;
            var position = CharPosition(utf8, line, ex.BytePositionInLine ?? 0);
            throw new DumpFileException(fullPath, $"invalid JSON at line {line + 1}, position {position}: {Reason(ex.Message)}", ex);
        }
        catch (DecoderFallbackException ex)
        {
            var (line, position) = Locate(utf8, reader.TokenStartIndex);
            throw new DumpFileException(fullPath, $"invalid UTF-8 at line {line}, position {position}: the text must be UTF-8", ex);
        }

        return root!;

        T Add<T>(T token)
            where T : JToken
        {
            switch (open.Count == 0 ? null : open.Peek())
            {
                case null:
                    root = token;
                    break;
                case JObject parent:
                    // A repeated key keeps its first place and takes the last value, as in JavaScript.
                    parent[propertyName!] = token;
                    break;
                case var parent:
                    parent.Add(token);
                    break;
            }

            return token;
        }
    }

    private static string ReadString(ref StrictJsonReader reader)
    {
        var raw = Utf8NoBom.GetString(reader.ValueSpan);
        return reader.ValueIsEscaped ? Unescape(raw) : raw;
    }

    // The reader has checked every escape's syntax. Unlike the reader's own GetString, a lone
    // surrogate (\ud800) is kept, as JSON.parse keeps it.
    private static string Unescape(string raw)
    {
        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                text.Append(raw[i]);
                continue;
            }

            var escape = raw[++i];
            switch (escape)
            {
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    text.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default:
                    text.Append(escape);
                    break;
            }
        }

        return text.ToString();
    }

    // JSON.parse makes every number a double; integers are kept exact here (long, or BigInteger past
    // long) so ids and counts never pass through floating point.
    private static JValue ReadNumber(ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.ASCII.GetString(utf8);
        if (text.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
        {
            return new JValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? new JValue(integer)
            : new JValue(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    // The strict reader counts bytes; an editor counts characters.
    private static long CharPosition(ReadOnlySpan<byte> utf8, long line, long bytePosition)
    {
        var lineStart = 0;
        for (var i = 0L; i < line; i++)
        {
            var next = utf8[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return bytePosition + 1;
            }

            lineStart += next + 1;
        }

        var length = (int)Math.Min(bytePosition, utf8.Length - lineStart);
        return Encoding.UTF8.GetCharCount(utf8.Slice(lineStart, length)) + 1;
    }

    private static (long Line, long Position) Locate(ReadOnlySpan<byte> utf8, long byteIndex)
    {
        var before = utf8[..(int)byteIndex];
        var line = before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    // The reader's message ends with its own 0-based "LineNumber: 0 | BytePositionInLine: 5.".
    private static string Reason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private static void WriteValue(StringBuilder json, JToken token, bool sortKeys, int indent)
    {
        switch (token)
        {
            case JObject obj:
                WriteObject(json, obj, sortKeys, indent);
                break;
            case JArray array:
                WriteArray(json, array, sortKeys, indent);
                break;
            case JValue value:
                WriteScalar(json, value);
                break;
            default:
                throw new ArgumentException($"A {token.Type} token has no JSON form here.", nameof(token));
        }
    }

    private static void WriteObject(StringBuilder json, JObject obj, bool sortKeys, int indent)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var properties = OrderProperties(obj, sortKeys);
        if (properties.Count == 0)
        {
            json.Append("{}");
            return;
        }

        json.Append("{\n");
        for (var i = 0; i < properties.Count; i++)
        {
            json.Append(' ', (indent + 1) * 2);
            WriteString(json, properties[i].Name);
            json.Append(": ");
            WriteValue(json, properties[i].Value, sortKeys, indent + 1);
            json.Append(i < properties.Count - 1 ? ",\n" : "\n");
        }

        json.Append(' ', indent * 2).Append('}');
    }

    private static void WriteArray(StringBuilder json, JArray array, bool sortKeys, int indent)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (array.Count == 0)
        {
            json.Append("[]");
            return;
        }

        json.Append("[\n");
        for (var i = 0; i < array.Count; i++)
        {
            json.Append(' ', (indent + 1) * 2);
            if (array[i].Type == JTokenType.Undefined)
            {
                json.Append("null");
            }
            else
            {
                WriteValue(json, array[i], sortKeys, indent + 1);
            }

            json.Append(i < array.Count - 1 ? ",\n" : "\n");
        }

        json.Append(' ', indent * 2).Append(']');
    }

    // JavaScript objects list array-index keys first, in numeric order, whatever the insertion order;
    // JSON.stringify (and so directus-sync's files) shows that order, sorted or not.
    private static List<JProperty> OrderProperties(JObject obj, bool sortKeys)
    {
        var indexKeys = new List<(uint Index, JProperty Property)>();
        var otherKeys = new List<JProperty>();
        foreach (var property in obj.Properties())
        {
            if (property.Value.Type == JTokenType.Undefined)
            {
                continue;
            }

            if (TryArrayIndex(property.Name, out var index))
            {
                indexKeys.Add((index, property));
            }
            else
            {
                otherKeys.Add(property);
            }
        }

        if (sortKeys)
        {
            otherKeys.Sort((a, b) => JsLocaleComparer.Instance.Compare(a.Name, b.Name));
        }

        indexKeys.Sort((a, b) => a.Index.CompareTo(b.Index));
        return [.. indexKeys.Select(k => k.Property), .. otherKeys];
    }

    // ECMAScript array index: the canonical decimal form of an integer from 0 to 2^32 - 2.
    private static bool TryArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length is 0 or > 10 || (key.Length > 1 && key[0] == '0') || !key.All(char.IsAsciiDigit))
        {
            return false;
        }

        var value = ulong.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value > uint.MaxValue - 1)
        {
            return false;
        }

        index = (uint)value;
        return true;
    }

    private static void WriteScalar(StringBuilder json, JValue value)
    {
        if (value.Value is null)
        {
            // A C# null assigned into a JObject (e.g. by a hook) is a string-typed value without a value.
            json.Append("null");
            return;
        }

        switch (value.Type)
        {
            case JTokenType.Null:
            case JTokenType.Undefined:
                json.Append("null");
                break;
            case JTokenType.Boolean:
                json.Append((bool)value.Value! ? "true" : "false");
                break;
            case JTokenType.Integer:
                // Written in full even beyond 2^53, where JavaScript would round: the dump keeps the data.
                json.Append(Convert.ToString(value.Value, CultureInfo.InvariantCulture));
                break;
            case JTokenType.Float:
                var number = Convert.ToDouble(value.Value, CultureInfo.InvariantCulture);
                json.Append(double.IsFinite(number) ? JsNumber.Format(number) : "null");
                break;
            case JTokenType.String:
                WriteString(json, (string)value.Value!);
                break;
            case JTokenType.Date:
                WriteString(json, JsDateString(value.Value!));
                break;
            case JTokenType.Bytes:
                WriteString(json, Convert.ToBase64String((byte[])value.Value!));
                break;
            case JTokenType.Guid:
            case JTokenType.Uri:
            case JTokenType.TimeSpan:
                WriteString(json, Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "");
                break;
            default:
                throw new ArgumentException($"A {value.Type} token has no JSON form.", nameof(value));
        }
    }

    // What Date.prototype.toJSON gives: ISO 8601 in UTC with milliseconds. Dumps read here keep dates as
    // strings; this only covers values a caller built from DateTime.
    private static string JsDateString(object date)
    {
        var utc = date switch
        {
            DateTimeOffset offset => offset.UtcDateTime,
            DateTime { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
            DateTime other => other,
            _ => throw new ArgumentException($"Unexpected date value {date.GetType()}.", nameof(date)),
        };
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    // ECMAScript QuoteJSONString: only the quote, the backslash, control characters and lone surrogates
    // are escaped; everything else, including non-ASCII text, U+2028 and '<', is written as is.
    private static void WriteString(StringBuilder json, string text)
    {
        json.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        AppendUnicodeEscape(json, c);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        json.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        AppendUnicodeEscape(json, c);
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        json.Append('"');
    }

    private static void AppendUnicodeEscape(StringBuilder json, char c) =>
        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
