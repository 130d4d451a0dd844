using System.Text.RegularExpressions;

namespace DirectusSync.IntegrationTests.Support;

/// <summary>Reads the reference CLI's log output (pino-pretty lines).</summary>
public static partial class ReferenceOutput
{
    /// <summary>
    /// The lines of a reference <c>diff</c> that announce a change: non-zero create/update/delete/dangling
    /// counts and schema changes.
    /// </summary>
    public static IReadOnlyList<string> ChangeLines(string output) =>
        output.Split('\n').Where(line => ChangeLine().IsMatch(line)).Select(l => l.Trim()).ToList();

    [GeneratedRegex(@"(To create|To update|To delete|Dangling id maps): [1-9]|Found [1-9]\d* change", RegexOptions.CultureInvariant)]
    private static partial Regex ChangeLine();
}
