namespace DirectusSync.Upgrade.Processes;

/// <summary>An external command exited with a non-zero code.</summary>
public sealed class CommandFailedException(CommandLine command, CommandResult result)
    : Exception($"'{command}' exited with code {result.ExitCode}.{(result.Output.Length == 0 ? string.Empty : "\n" + result.Tail())}")
{
    /// <summary>The command.</summary>
    public CommandLine Command { get; } = command;

    /// <summary>Its exit code and output.</summary>
    public CommandResult Result { get; } = result;
}
