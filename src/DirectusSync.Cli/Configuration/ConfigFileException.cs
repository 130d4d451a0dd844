using DirectusSync.Core.Workflow;

namespace DirectusSync.Cli.Configuration;

/// <summary>A config file (or the <c>--config-path</c> flag) cannot be used; the message starts with the file.</summary>
internal sealed class ConfigFileException : Exception, ICategorizedFailure
{
    /// <summary>Creates the exception; the message is <c>"&lt;filePath&gt;: &lt;problem&gt;"</c>.</summary>
    public ConfigFileException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong, without the file.</summary>
    public string Problem { get; }

    /// <inheritdoc />
    public FailureCategory Category => FailureCategory.Usage;
}
