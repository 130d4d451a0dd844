
namespace DirectusSync.IntegrationTests.Sandbox;

/// <summary>
/// The two bootstrappers, run for real: <c>build.ps1</c> under PowerShell (the <c>PowerShell</c> dotnet tool of the
/// repository's tool manifest, so no machine-wide install is needed) and <c>build.sh</c> under bash. Cake's dry run
/// compiles the pipeline and plans the target without running a task.
/// </summary>
public sealed class BuildScriptTests
{
    [Fact]
    public async Task Should_plan_the_same_tasks_with_the_arguments_passed_through_When_build_ps1_and_build_sh_dry_run_a_target()
    {
        // Given the same target and an argument with a value, given to each bootstrapper

        // When
        var powershell = await RunAsync("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-File", "build.ps1", "--target=Test", "--directus-db=pg", "--dryrun"]);
        var bash = await RunAsync("bash", ["build.sh", "--target=Test", "--directus-db=pg", "--dryrun"]);

        // Then both ran Cake, planned the same tasks and passed the argument on
        powershell.ExitCode.Should().Be(0, powershell.ToString());
        bash.ExitCode.Should().Be(0, bash.ToString());
        Plan(powershell.Output).Should().Equal(Plan(bash.Output)).And.Contain(["Build", "Test-Unit", "Test-Integration"]);
        powershell.Output.Should().Contain("Directus 11.17.4 (pg)").And.Contain("No tasks were actually executed.");
    }

    [Fact]
    public async Task Should_exit_with_cakes_failure_When_build_ps1_is_given_an_unknown_target()
    {
        // When
        var result = await RunAsync("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-File", "build.ps1", "--target=NoSuchTarget"]);

        // Then the exit code of Cake reaches the caller
        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("The target 'NoSuchTarget' was not found.");
    }

    /// <summary>The numbered task lines of a dry run ("1. Restore").</summary>
    private static List<string> Plan(string output) => output.Split('\n')
        .Select(line => line.Trim())
        .Where(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\d+\. \S+$"))
        .Select(line => line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..])
        .ToList();

    private static Task<ProcessResult> RunAsync(string fileName, string[] arguments) =>
        ChildProcess.RunAsync(fileName, arguments, RepositoryRoot.Path, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, TimeSpan.FromMinutes(5));
}
