using DirectusSync.Core.Logging;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cli.Output;

/// <summary>
/// Prints a failure as the core's classifier words it (naming the file, field or flag at fault, and where the
/// URL and credentials came from); the stack trace only with --debug. Everything goes through the redacting
/// output, so no secret is printed.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>Reports <paramref name="error"/> on stderr.</summary>
    public static void Report(Exception error, ISyncLog log, ConsoleOutput output, ConnectionSettings? connection, bool debug)
    {
        var failure = SyncFailureClassifier.Classify(error, connection);
        log.Write(SyncLogLevel.Error, string.Empty, failure.Describe());
        if (debug)
        {
            output.Err(LogText.Message(error.ToString()));
        }
        else if (!failure.IsExpected)
        {
            output.Err("Run with --debug for the stack trace.");
        }
    }
}
