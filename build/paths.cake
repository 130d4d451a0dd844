// Every path is anchored at the repository root: Cake runs a script with the script's folder
// (build/) as working directory, so a bare relative path would land in build/.
public sealed class BuildPaths
{
    public DirectoryPath Root { get; }
    public FilePath Solution { get; }
    public DirectoryPath Artifacts { get; }
    public DirectoryPath Packages { get; }
    public DirectoryPath TestResults { get; }
    public FilePath SandboxScript { get; }
    public FilePath CoreTests { get; }
    public FilePath IntegrationTests { get; }
    public FilePath CakeTests { get; }
    public FilePath UpgradeTests { get; }
    public FilePath CakeAddinProject { get; }
    public DirectoryPath CakeAddin { get; }
    public FilePath UpgradeScript { get; }
    public DirectoryPath UpgradeWork { get; }

    public FilePath CliAssembly(string configuration) =>
        Root.CombineWithFilePath($"src/DirectusSync.Cli/bin/{configuration}/net10.0/DirectusSync.Cli.dll");

    public BuildPaths(ICakeContext context)
    {
        Root = context.MakeAbsolute(context.Directory("..")).Collapse();
        Solution = Root.CombineWithFilePath("DirectusSync.Build.sln");
        Artifacts = Root.Combine("artifacts");
        Packages = Artifacts.Combine("packages");
        TestResults = Artifacts.Combine("test-results");
        SandboxScript = Root.CombineWithFilePath("build/sandbox/directus.sh");
        CoreTests = Root.CombineWithFilePath("tests/DirectusSync.Core.Tests/DirectusSync.Core.Tests.csproj");
        IntegrationTests = Root.CombineWithFilePath("tests/DirectusSync.IntegrationTests/DirectusSync.IntegrationTests.csproj");
        CakeTests = Root.CombineWithFilePath("tests/DirectusSync.Cake.Tests/DirectusSync.Cake.Tests.csproj");
        UpgradeTests = Root.CombineWithFilePath("tests/DirectusSync.Upgrade.Tests/DirectusSync.Upgrade.Tests.csproj");
        CakeAddinProject = Root.CombineWithFilePath("src/DirectusSync.Cake/DirectusSync.Cake.csproj");
        // build/upgrade.cake loads the addin from here (#r): one fixed folder, whatever the configuration.
        CakeAddin = Artifacts.Combine("cake-addin");
        UpgradeScript = Root.CombineWithFilePath("build/upgrade.cake");
        UpgradeWork = Artifacts.Combine("upgrade");
    }
}
