namespace DirectusSync.Upgrade.Processes;

/// <summary>A program to run with its arguments, where and with what environment.</summary>
/// <param name="FileName">The program (found on PATH when not a path).</param>
/// <param name="Arguments">The arguments, passed one by one (no shell quoting).</param>
public sealed record CommandLine(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The working directory (the current one when null).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to (or replacing in) the inherited environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the command may run before it is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A shell command run by bash (cmd on Windows), for commands a user supplies as one line.</summary>
    public static CommandLine Shell(string command) => OperatingSystem.IsWindows()
        ? new CommandLine("cmd", ["/c", command])
        : new CommandLine("bash", ["-c", command]);

    /// <summary>The command as a reader would type it (for logs and reports; holds no secrets by design).</summary>
    public override string ToString() =>
        string.Join(' ', new[] { FileName }.Concat(Arguments).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}
