using System.Text.RegularExpressions;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Versions;

/// <summary>
/// The one gate every version string passes before the upgrade uses it: a version reaches <c>bash -c</c>
/// (the commands provider's <c>{version}</c>), the compose file and package.json, so anything but a
/// semantic version (semver.org 2.0.0, no leading zeros, no "v", no range) is refused with the name of
/// where it came from. A regex rather than a package: the one served (Semver) drags a Microsoft.Extensions
/// dependency into the Cake process, and the grammar is small.
/// </summary>
public static partial class StrictVersion
{
    /// <summary>True when <paramref name="text"/> is a semantic version (e.g. 12.4.0, 12.0.0-beta.1).</summary>
    public static bool IsValid(string? text) => text is not null && text.Length <= 128 && SemanticVersion().IsMatch(text);

    /// <summary>The version, or a <see cref="FormatException"/> that names <paramref name="source"/>.</summary>
    /// <param name="text">The text to check.</param>
    /// <param name="source">Where it came from, for the message (e.g. "--directus-version").</param>
    /// <exception cref="FormatException">It is not a semantic version.</exception>
    public static DirectusVersion Parse(string? text, string source) => IsValid(text)
        ? DirectusVersion.Parse(text!)
        : throw new FormatException(
            $"{source}: '{Printable(text)}' is not a semantic version (expected MAJOR.MINOR.PATCH, e.g. 12.4.0 or 12.0.0-beta.1; no 'v', no range, no spaces).");

    /// <summary>Returns <paramref name="version"/>'s text after checking it again (a version read from a server or a file).</summary>
    /// <exception cref="FormatException">It is not a semantic version.</exception>
    public static string Checked(DirectusVersion version, string source)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Parse(version.Text, source).Text;
    }

    // Control characters and over-long values are not echoed as they are (logs, CI summaries).
    private static string Printable(string? text) =>
        text is null ? "(none)" : new string(text.Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray()) + (text.Length > 64 ? "…" : string.Empty);

    // semver.org's grammar, anchored with \z (not $, which lets a trailing newline through).
    [GeneratedRegex(@"\A(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-((0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*))?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SemanticVersion();
}
