using DirectusSync.Cli.Configuration;
using DirectusSync.Core.Execution;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cli.Output;

/// <summary>
/// Turns a failure into the message a user can act on, naming the file, field or flag at fault; the stack
/// trace only with --debug. Everything goes through the redacting output, so no secret is printed.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>Reports <paramref name="error"/> on stderr.</summary>
    public static void Report(Exception error, ISyncLog log, ConsoleOutput output, ConnectionSettings? connection, bool debug)
    {
        var (message, expected) = Describe(Unwrap(error), connection);
        log.Write(SyncLogLevel.Error, string.Empty, message);
        if (debug)
        {
            output.Err(LogText.Message(error.ToString()));
        }
        else if (!expected)
        {
            output.Err("Run with --debug for the stack trace.");
        }
    }

    /// <summary>The message for <paramref name="error"/>, and whether it is a known kind of failure.</summary>
    public static (string Message, bool Expected) Describe(Exception error, ConnectionSettings? connection) => error switch
    {
        DirectusApiException { StatusCode: 0 } api => ($"{Sentence(api.Message)} Is Directus running at {connection?.Url ?? "the URL"}? (URL from {connection?.UrlOrigin ?? "nowhere"})", true),
        DirectusApiException { StatusCode: 401 } api => ($"{Sentence(api.Message)} Check the credentials (from {connection?.CredentialsOrigin ?? "nowhere"}).", true),
        DirectusApiException { StatusCode: 403 } api => ($"{Sentence(api.Message)} DirectusSync needs an administrator's token or login (from {connection?.CredentialsOrigin ?? "nowhere"}).", true),
        DirectusApiException or DumpFileException or SyncOptionsException or PlanValidationException or UnsupportedDirectusVersionException
            or ConfigFileException or TimeoutException or InvalidOperationException => (error.Message, true),
        _ => ($"{error.GetType().Name}: {error.Message}", false),
    };

    private static string Sentence(string message) => message.TrimEnd().TrimEnd('.') + ".";

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;
}
