using DirectusSync.Upgrade.Processes;

namespace DirectusSync.Upgrade.Tests.Support;

/// <summary>An <see cref="ICommandRunner"/> that records every command and answers from a rule (exit 0 by default).</summary>
public sealed class RecordingRunner(Func<CommandLine, CommandResult>? answer = null) : ICommandRunner
{
    /// <summary>The commands run, in order.</summary>
    public List<CommandLine> Commands { get; } = [];

    /// <summary>The commands as text ("npm install --no-audit").</summary>
    public IEnumerable<string> Texts => Commands.Select(c => c.ToString());

    /// <inheritdoc />
    public Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken = default)
    {
        Commands.Add(command);
        return Task.FromResult(answer?.Invoke(command) ?? new CommandResult(0, string.Empty));
    }
}
