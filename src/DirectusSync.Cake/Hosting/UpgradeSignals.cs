using System.Runtime.InteropServices;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Core.Logging;

namespace DirectusSync.Cake.Hosting;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM during an upgrade: the first one cancels the running step instead of ending
/// the process, so that after the stop the rollback brings the old version back (under its own time limit);
/// a second one ends the process as usual (then <c>--target=RollbackDirectus --backup=FOLDER</c> finishes
/// the job from upgrade-state.json).
/// </summary>
public static class UpgradeSignals
{
    // Kept alive for the process: a registration that is collected stops handling its signal.
    private static readonly List<PosixSignalRegistration> Registrations = [];

    /// <summary>Routes SIGINT and SIGTERM to <paramref name="upgrade"/>'s <see cref="DirectusUpgrade.Cancel"/>.</summary>
    public static void CancelOnSignals(DirectusUpgrade upgrade, ISyncLog log)
    {
        ArgumentNullException.ThrowIfNull(upgrade);
        ArgumentNullException.ThrowIfNull(log);
        void Handle(PosixSignalContext context)
        {
            if (upgrade.IsCancellationRequested)
            {
                log.Write(SyncLogLevel.Error, "upgrade", $"{context.Signal} again: ending now. If Directus was stopped, run --target=RollbackDirectus --backup=<the backup folder>.");
                return;
            }

            context.Cancel = true;
            log.Write(SyncLogLevel.Warning, "upgrade", $"{context.Signal}: cancelling the upgrade; after the stop, the rollback runs first (again to end at once).");
            upgrade.Cancel();
        }

        lock (Registrations)
        {
            Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle));
            Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle));
        }
    }
}
