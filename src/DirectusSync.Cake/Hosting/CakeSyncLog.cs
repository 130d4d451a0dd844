using Cake.Core.Diagnostics;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake.Hosting;

/// <summary>
/// The core's log lines written to Cake's log (debug lines at verbose level). Every line passes through Core's
/// <see cref="SecretRedactor"/> (the secrets in use) and <see cref="LogText.Message"/> (names from dumps: no
/// control characters, no CI workflow commands), as in every front end.
/// </summary>
/// <param name="log">Cake's log.</param>
/// <param name="redactor">Masks the secrets in use (none when null).</param>
public sealed class CakeSyncLog(ICakeLog log, SecretRedactor? redactor = null) : ISyncLog
{
    private readonly SecretRedactor _redactor = redactor ?? new SecretRedactor();

    /// <inheritdoc />
    public void Write(SyncLogLevel level, string scope, string message)
    {
        var (verbosity, logLevel) = level switch
        {
            SyncLogLevel.Debug => (Verbosity.Verbose, LogLevel.Verbose),
            SyncLogLevel.Info => (Verbosity.Normal, LogLevel.Information),
            SyncLogLevel.Warning => (Verbosity.Minimal, LogLevel.Warning),
            _ => (Verbosity.Quiet, LogLevel.Error),
        };

        // The message is an argument, never the format: it may hold braces (JSON, Directus templates).
        log.Write(verbosity, logLevel, "[{0}] {1}", LogText.Escape(scope), LogText.Message(_redactor.Redact(message)));
    }
}
