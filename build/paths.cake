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
    }
}
