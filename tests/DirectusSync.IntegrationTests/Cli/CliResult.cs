namespace DirectusSync.IntegrationTests.Cli;

/// <summary>What a run of the built CLI produced.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="StdOut">Everything on stdout.</param>
/// <param name="StdErr">Everything on stderr.</param>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Both streams, for assertions about what was printed at all.</summary>
    public string AllOutput => StdOut + StdErr;

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}
