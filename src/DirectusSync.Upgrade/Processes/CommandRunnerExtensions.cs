namespace DirectusSync.Upgrade.Processes;

/// <summary>Shorthands for <see cref="ICommandRunner"/>.</summary>
public static class CommandRunnerExtensions
{
    /// <summary>Runs the command and throws <see cref="CommandFailedException"/> when it exits with a non-zero code.</summary>
    public static async Task<CommandResult> RunCheckedAsync(this ICommandRunner runner, CommandLine command, CancellationToken cancellationToken = default)
    {
        var result = await runner.RunAsync(command, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? result : throw new CommandFailedException(command, result);
    }
}
