namespace DirectusSync.Core.Transport;

/// <summary>
/// The compatibility matrix: the Directus majors this release syncs. 11.x is the reference CLI's range;
/// 12.x is ours as well, because our users upgrade from one to the other.
/// </summary>
public static class SupportedDirectusVersions
{
    /// <summary>The lowest supported version.</summary>
    public static DirectusVersion Minimum { get; } = DirectusVersion.Parse("11.0.0");

    /// <summary>The highest supported major.</summary>
    public const int MaximumMajor = 12;

    /// <summary>The matrix as a line for <c>--version</c> and reports.</summary>
    public static string Description => $"Directus {Minimum.Major}.x and {MaximumMajor}.x (tested: 11.17.4, 12.4.0)";

    /// <summary>True when the version is inside the matrix.</summary>
    public static bool IsSupported(DirectusVersion version) =>
        version.CompareTo(Minimum) >= 0 && version.Major <= MaximumMajor;

    /// <summary>Throws a message that says what to do when the version is outside the matrix.</summary>
    public static void EnsureSupported(DirectusVersion version, Uri server)
    {
        if (version.Major < 10)
        {
            throw new UnsupportedDirectusVersionException(version, $"Directus {version} at {server} is too old: upgrade Directus to 11.x or newer.");
        }

        if (version.Major == 10)
        {
            throw new UnsupportedDirectusVersionException(version,
                $"Directus {version} at {server} is not supported: DirectusSync needs Directus 11 or 12 (for Directus 10 use the npm directus-sync@2.2.0).");
        }

        if (version.Major > MaximumMajor)
        {
            throw new UnsupportedDirectusVersionException(version,
                $"Directus {version} at {server} is newer than this release supports ({Description}): update DirectusSync.");
        }
    }
}
