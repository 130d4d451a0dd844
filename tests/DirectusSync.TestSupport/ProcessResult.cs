namespace DirectusSync.TestSupport;

/// <summary>What a child process did.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Standard output and error, interleaved as they came.</param>
/// <param name="StandardOutput">Standard output alone (what a script prints for its caller to parse).</param>
/// <param name="StandardError">Standard error alone.</param>
public sealed record ProcessResult(int ExitCode, string Output, string StandardOutput = "", string StandardError = "")
{
    /// <inheritdoc />
    public override string ToString() => $"exit code {ExitCode}:\n{Output}";
}
