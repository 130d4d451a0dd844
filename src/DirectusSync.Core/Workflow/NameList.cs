namespace DirectusSync.Core.Workflow;

/// <summary>
/// Lists of names written as text (collections, preserved ids), read the same by every front end: each value is
/// split on commas and semicolons (MSBuild's item separator), parts trimmed, blanks dropped. Values are joined
/// first, so an unquoted <c>--exclude-collections=roles, policies</c> (two shell words) reads as roles and policies.
/// </summary>
public static class NameList
{
    private static readonly char[] Separators = [',', ';'];

    /// <summary>The names in <paramref name="values"/>, in order.</summary>
    public static IReadOnlyList<string> Split(IEnumerable<string?> values) =>
        values.SelectMany(v => (v ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

    /// <summary>The names in one value (null or blank: none).</summary>
    public static IReadOnlyList<string> Split(string? value) => Split([value]);
}
