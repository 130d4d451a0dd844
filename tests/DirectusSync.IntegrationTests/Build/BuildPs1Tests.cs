using System.Diagnostics;
using DirectusSync.IntegrationTests.Sandbox;

namespace DirectusSync.IntegrationTests.Build;

/// <summary>
/// build.ps1 run for real by PowerShell (the PowerShell dotnet tool of .config/dotnet-tools.json): it
/// bootstraps Cake, passes every argument through and returns Cake's exit code.
/// </summary>
public sealed class BuildPs1Tests
{
    [Fact]
    public async Task Should_run_the_cake_pipeline_with_the_arguments_given_When_run_by_pwsh()
    {
        // When: a dry run lists the tasks of a target without running them
        var (exitCode, output) = await PwshAsync("--target=Build", "--dryrun");

        // Then
        exitCode.Should().Be(0, output);
        output.Should().Contain("Restore").And.Contain("Build");
    }

    [Fact]
    public async Task Should_exit_with_cake_exit_code_When_the_target_does_not_exist()
    {
        // When
        var (exitCode, output) = await PwshAsync("--target=No-Such-Target");

        // Then
        exitCode.Should().NotBe(0);
        output.Should().Contain("No-Such-Target");
    }

    private static async Task<(int ExitCode, string Output)> PwshAsync(params string[] arguments)
    {
        await RunAsync("dotnet", "tool", "restore");
        return await RunAsync("dotnet", ["pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-File", Path.Combine(RepositoryRoot.Path, "build.ps1"), .. arguments]);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
