using Cake.Core.Diagnostics;
using DirectusSync.Core.Logging;

namespace DirectusSync.Cake.Hosting;

/// <summary>The core's log lines written to Cake's log (debug lines at verbose level).</summary>
public sealed class CakeSyncLog(ICakeLog log) : ISyncLog
{
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
        log.Write(verbosity, logLevel, "[{0}] {1}", scope, message);
    }
}
