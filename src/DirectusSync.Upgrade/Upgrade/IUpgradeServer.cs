using DirectusSync.Upgrade.Backups;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>What the rollback asks of the Directus server itself (substituted in tests).</summary>
public interface IUpgradeServer
{
    /// <summary>True once the server no longer answers /server/ping (waits a while for it).</summary>
    Task<bool> WaitStoppedAsync(CancellationToken cancellationToken = default);

    /// <summary>The version the server answers as once it is ready, or null when it did not become ready in time.</summary>
    Task<DirectusVersion?> WaitReadyAsync(CancellationToken cancellationToken = default);

    /// <summary>Pushes the backup's configuration and checks the diff is clean (the server runs the backup's version).</summary>
    Task RestoreConfigurationAsync(BackupManifest backup, CancellationToken cancellationToken = default);
}
