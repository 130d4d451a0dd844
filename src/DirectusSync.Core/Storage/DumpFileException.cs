namespace DirectusSync.Core.Storage;

/// <summary>
/// A dump file that cannot be used as it is: missing, not valid JSON, or not shaped as expected.
/// The message always starts with the file's path, so the user knows which file to fix.
/// </summary>
public sealed class DumpFileException : Exception
{
    /// <summary>Creates the exception; the message is <c>"&lt;filePath&gt;: &lt;problem&gt;"</c>.</summary>
    /// <param name="filePath">The file at fault, as an absolute path.</param>
    /// <param name="problem">What is wrong with it, e.g. <c>element [3] has no "_syncId"</c>.</param>
    /// <param name="inner">The underlying parse or I/O error, when there is one.</param>
    public DumpFileException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with the file, without its path.</summary>
    public string Problem { get; }
}
