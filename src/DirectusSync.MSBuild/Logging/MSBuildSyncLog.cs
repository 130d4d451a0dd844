using DirectusSync.Core.Logging;
using DirectusSync.MSBuild.Diagnostics;
using Microsoft.Build.Framework;

namespace DirectusSync.MSBuild.Logging;

/// <summary>
/// The core's log written to MSBuild: debug lines at low importance (shown with -v:detailed), progress at
/// normal importance, warnings as DSYNC0902.
/// </summary>
internal sealed class MSBuildSyncLog(DiagnosticLogger logger) : ISyncLog
{
    /// <inheritdoc />
    public void Write(SyncLogLevel level, string scope, string message)
    {
        switch (level)
        {
            case SyncLogLevel.Warning:
                logger.Report(new Diagnostic(Messages.CoreWarning, scope, message) { IsWarning = true });
                break;
            case SyncLogLevel.Debug:
                logger.Text(MessageImportance.Low, $"[{scope}] {message}");
                break;
            case SyncLogLevel.Error:
                // Errors reach the task as exceptions and get their code there; the line is context.
                logger.Text(MessageImportance.High, $"[{scope}] {message}");
                break;
            default:
                logger.Text(MessageImportance.Normal, $"[{scope}] {message}");
                break;
        }
    }
}
