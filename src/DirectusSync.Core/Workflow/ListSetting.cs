namespace DirectusSync.Core.Workflow;

/// <summary>
/// Splits a list setting (collection names): every value is split on commas and semicolons (MSBuild's item
/// separator), parts are trimmed and empty parts dropped. Values are split one by one, so an unquoted
/// <c>--exclude-collections=roles, policies</c> (two shell words) reads as roles and policies.
/// Directus names hold neither separator, so one rule serves every front end.
/// </summary>
public static class ListSetting
{
    private static readonly char[] Separators = [',', ';'];

    /// <summary>The names in <paramref name="values"/>, in order (duplicates kept: the caller decides).</summary>
    public static IReadOnlyList<string> Split(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values
            .Where(v => v is not null)
            .SelectMany(v => v!.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
    }

    /// <summary>The names in one value; none when it is null or blank.</summary>
    public static IReadOnlyList<string> Split(string? value) => Split([value]);
}
