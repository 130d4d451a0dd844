namespace DirectusSync.Upgrade.Processes;

/// <summary>Runs external commands (npm, docker, pg_dump, user commands); substituted in tests.</summary>
public interface ICommandRunner
{
    /// <summary>Runs the command to its end and returns its exit code and output; never throws for a non-zero exit.</summary>
    Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken = default);
}
