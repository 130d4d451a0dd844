using System.Text.RegularExpressions;
using DirectusSync.MSBuild.Tests.Support;

namespace DirectusSync.MSBuild.Tests.CiTemplates;

/// <summary>The option table of ci/scripts/directus-sync-ci.sh: option → (kind, commands).</summary>
public static partial class CiScript
{
    /// <summary>The script's path.</summary>
    public static string Path { get; } = RepositoryFiles.PathOf("ci", "scripts", "directus-sync-ci.sh");

    /// <summary>The variables the script reads besides the options: connection and control.</summary>
    public static readonly string[] OtherVariables =
    [
        "DS_COMMAND", "DS_SCRIPTS_PATH", "DIRECTUS_URL", "DIRECTUS_TOKEN", "DIRECTUS_ADMIN_EMAIL", "DIRECTUS_ADMIN_PASSWORD",
        "DS_FAIL_ON_DRIFT", "DS_WORKING_DIRECTORY", "DS_UNTRUSTED_CHECKOUT", "DS_TOOL_VERSION", "DS_TOOL_SOURCE", "DS_REPORT_DIR",
    ];

    /// <summary>The table.</summary>
    public static IReadOnlyDictionary<string, (string Kind, IReadOnlyList<string> Commands)> Options { get; } =
        Entry().Matches(File.ReadAllText(Path))
            .ToDictionary(m => m.Groups["option"].Value, m => (m.Groups["kind"].Value, (IReadOnlyList<string>)m.Groups["commands"].Value.Split(',')));

    [GeneratedRegex("^  \"(?<option>[a-z-]+):(?<kind>value|flag):(?<commands>[a-z,]+)\"$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Entry();
}
