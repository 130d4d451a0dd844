using DirectusSync.Core.Logging;

namespace DirectusSync.Cli.Output;

/// <summary>
/// Passes info lines on as debug lines (warnings and errors unchanged): for the push's preparatory diff, whose
/// counts the push itself reports again.
/// </summary>
internal sealed class DemotedSyncLog(ISyncLog inner) : ISyncLog
{
    /// <inheritdoc />
    public void Write(SyncLogLevel level, string scope, string message) =>
        inner.Write(level == SyncLogLevel.Info ? SyncLogLevel.Debug : level, scope, message);
}
