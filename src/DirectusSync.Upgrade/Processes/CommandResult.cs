namespace DirectusSync.Upgrade.Processes;

/// <summary>How a command ended.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Its standard output and error, interleaved as they came.</param>
public sealed record CommandResult(int ExitCode, string Output)
{
    /// <summary>The last lines of the output (for error messages).</summary>
    public string Tail(int lines = 25) =>
        string.Join('\n', Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(lines));
}
