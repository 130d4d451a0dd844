using System.Globalization;

namespace DirectusSync.Core.Transport;

/// <summary>A Directus server version (major.minor.patch; a pre-release suffix is kept as text).</summary>
public sealed record DirectusVersion(int Major, int Minor, int Patch, string Text) : IComparable<DirectusVersion>
{
    /// <summary>Parses "11.17.4" or "12.0.0-beta.1".</summary>
    public static DirectusVersion Parse(string text)
    {
        var core = text.Split('-', '+')[0].Split('.');
        int Part(int i) => i < core.Length && int.TryParse(core[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (core.Length == 0 || !int.TryParse(core[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"'{text}' is not a Directus version (expected major.minor.patch).");
        }

        return new DirectusVersion(Part(0), Part(1), Part(2), text);
    }

    /// <summary>
    /// True from Directus 12.2.0 on (a 12.2.0 pre-release does not count): the server has the batch import
    /// (<c>POST /utils/import?mode=merge</c>) and <c>POST /schema/diff?mode=merge</c>.
    /// </summary>
    public bool HasBatchEndpoints =>
        CompareTo(BatchEndpointsSince) > 0 || (CompareTo(BatchEndpointsSince) == 0 && !Text.Contains('-', StringComparison.Ordinal));

    private static DirectusVersion BatchEndpointsSince => new(12, 2, 0, "12.2.0");

    /// <inheritdoc />
    public int CompareTo(DirectusVersion? other) =>
        other is null ? 1 : (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    /// <inheritdoc />
    public override string ToString() => Text;
}
