using System.Text.RegularExpressions;

namespace DirectusSync.IntegrationTests.Support;

/// <summary>
/// Our parity oracle is directus-sync 3.4.1 (the version the registry serves here); our pull writes what 3.5.1
/// writes. The one difference on a dump without user-attached policies (3.5.1, #207): each access row of a
/// policy gets <c>"user": null</c> between <c>role</c> and <c>sort</c>. This applies that rule to 3.4.1's text,
/// so the comparison stays byte for byte.
/// </summary>
public static partial class Reference351Format
{
    /// <summary>The dump file 3.5.1 writes, from the one 3.4.1 wrote (only policies.json changes).</summary>
    public static string FromReference341(string file, string text) =>
        file.EndsWith("collections/policies.json", StringComparison.Ordinal)
            ? AccessRow().Replace(text, m => $"{m.Groups["indent"].Value}\"role\": {m.Groups["role"].Value},\n{m.Groups["indent"].Value}\"user\": null,\n{m.Groups["indent"].Value}\"sort\"")
            : text;

    [GeneratedRegex(@"(?<indent>[ ]+)""role"": (?<role>null|""[^""]*""),\n[ ]+""sort""", RegexOptions.CultureInvariant)]
    private static partial Regex AccessRow();
}
