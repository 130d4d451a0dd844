namespace DirectusSync.Cli.Options;

/// <summary>
/// Comma-separated flag values, as the reference splits them: every token is split on commas and trimmed,
/// and empty parts are dropped. Tokens are joined first, so an unquoted <c>--exclude-collections=roles, policies</c>
/// (two shell words) reads as roles and policies.
/// </summary>
internal static class CsvList
{
    /// <summary>The names in <paramref name="tokens"/>, in order.</summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string> tokens) =>
        tokens.SelectMany(t => t.Split(','))
            .Select(part => part.Trim())
            .Where(part => part.Length > 0)
            .ToList();
}
