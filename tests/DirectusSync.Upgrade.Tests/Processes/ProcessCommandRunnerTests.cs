using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Tests.Support;

namespace DirectusSync.Upgrade.Tests.Processes;

/// <summary>Commands run as child processes.</summary>
public sealed class ProcessCommandRunnerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_find_the_program_in_the_commands_PATH_When_it_sets_one()
    {
        // Given a "node" that only the command's PATH knows
        var node = _folder.Write("bin/node", "#!/usr/bin/env bash\necho fake node $1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(node, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var command = new CommandLine("node", ["--version"])
        {
            Environment = new Dictionary<string, string> { ["PATH"] = _folder.Combine("bin") + ":" + Environment.GetEnvironmentVariable("PATH") },
        };

        // When
        var result = await new ProcessCommandRunner().RunAsync(command);

        // Then
        result.Should().Be(new CommandResult(0, "fake node --version\n"));
    }

    [Fact]
    public async Task Should_return_127_When_the_program_does_not_exist()
    {
        // When
        var result = await new ProcessCommandRunner().RunAsync(new CommandLine("no-such-program-here", []));

        // Then
        result.ExitCode.Should().Be(127);
    }

    [Fact]
    public async Task Should_kill_it_and_return_124_When_it_runs_past_its_timeout()
    {
        // When
        var result = await new ProcessCommandRunner().RunAsync(CommandLine.Shell("sleep 30") with { Timeout = TimeSpan.FromMilliseconds(300) });

        // Then
        result.ExitCode.Should().Be(124);
        result.Output.Should().Contain("killed after");
    }

    [Fact]
    public async Task Should_throw_with_the_output_tail_When_a_checked_command_fails()
    {
        // When
        var act = () => new ProcessCommandRunner().RunCheckedAsync(CommandLine.Shell("echo npm error notarget; exit 3"));

        // Then
        (await act.Should().ThrowAsync<CommandFailedException>())
            .WithMessage("'bash -c \"echo npm error notarget; exit 3\"' exited with code 3.\nnpm error notarget");
    }
}
