namespace DirectusSync.MSBuild.Tests.Support;

/// <summary>Files of the repository (found from the test binaries upwards) and of the shared reference beside it.</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root (where DirectusSync.Build.sln is).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The text of a file under the root.</summary>
    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>
    /// The reference spec of directus-sync's CLI: shared/reference/directus-sync-spec.md, beside the repository
    /// (CI lays shared/ next to the clone).
    /// </summary>
    public static string ReferenceSpec
    {
        get
        {
            var candidates = new[] { Path.Combine(Root, "..", "shared", "reference", "directus-sync-spec.md"), "/work/shared/reference/directus-sync-spec.md" };
            return candidates.FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException("shared/reference/directus-sync-spec.md is not beside the repository: " + string.Join(", ", candidates));
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DirectusSync.Build.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DirectusSync.Build.sln is not above " + AppContext.BaseDirectory);
    }
}
