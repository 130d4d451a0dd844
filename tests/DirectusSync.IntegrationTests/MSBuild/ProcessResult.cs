namespace DirectusSync.IntegrationTests.MSBuild;

/// <summary>What a child process did.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Standard output and error, interleaved as they came.</param>
public sealed record ProcessResult(int ExitCode, string Output)
{
    /// <inheritdoc />
    public override string ToString() => $"exit code {ExitCode}:\n{Output}";
}
