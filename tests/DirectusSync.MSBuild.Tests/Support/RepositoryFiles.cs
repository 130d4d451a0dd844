namespace DirectusSync.MSBuild.Tests.Support;

/// <summary>Files of the repository (found from the test binaries upwards).</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root (where DirectusSync.Build.sln is).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The text of a file under the root.</summary>
    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

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
