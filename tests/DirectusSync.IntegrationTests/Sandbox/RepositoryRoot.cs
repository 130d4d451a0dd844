namespace DirectusSync.IntegrationTests.Sandbox;

/// <summary>Finds the repository root (where DirectusSync.Build.sln is) from the test binaries.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DirectusSync.Build.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (DirectusSync.Build.sln) is not above " + AppContext.BaseDirectory);
    }
}
