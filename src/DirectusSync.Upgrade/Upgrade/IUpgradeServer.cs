using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Databases;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>
/// Everything the upgrade asks of the Directus server and of its copies: ping, readiness, server info, the
/// configuration's pull, diff and push, the seat holders, the backup. The steps and the rollback only talk to
/// Directus through it, so each of their branches can be tested with a fake (no network, no process, no clock).
/// </summary>
public interface IUpgradeServer
{
    /// <summary>True when the server answers <c>/server/ping</c> now.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);

    /// <summary>Polls <c>/server/ping</c> until it answers; false when the ready time-out passes first.</summary>
    Task<bool> WaitAnswersAsync(CancellationToken cancellationToken = default);

    /// <summary>True once the server no longer answers /server/ping (waits a while for it).</summary>
    Task<bool> WaitStoppedAsync(CancellationToken cancellationToken = default);

    /// <summary>The version the server answers as once it is ready, or null when it did not become ready in time.</summary>
    Task<DirectusVersion?> WaitReadyAsync(CancellationToken cancellationToken = default);

    /// <summary>The server's version and project (<c>/server/info</c>).</summary>
    Task<ServerInfo> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>The server's version and project; throws when DirectusSync does not support that version.</summary>
    Task<ServerInfo> GetSupportedInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Pulls the server's configuration into <see cref="SyncOptions.DumpPath"/>.</summary>
    Task PullAsync(SyncOptions options, CancellationToken cancellationToken = default);

    /// <summary>What a push of <see cref="SyncOptions.DumpPath"/> would do.</summary>
    Task<SyncPlan> DiffAsync(SyncOptions options, CancellationToken cancellationToken = default);

    /// <summary>Pushes through the push workflow and its deletion guard (or only plans, for a dry run); returns the guard's verdict.</summary>
    Task<DeletionGuardVerdict> PushAsync(PushRequest request, CancellationToken cancellationToken = default);

    /// <summary>The users holding a seat (the licence gate counts them).</summary>
    Task<IReadOnlyList<string>> ReadSeatHoldersAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes a dated backup folder under <paramref name="root"/>: the configuration and, when configured, the database.</summary>
    Task<BackupManifest> CreateBackupAsync(string root, DatabaseLocation? database, CancellationToken cancellationToken = default);

    /// <summary>Proves the backup (the dump reads back, the database copy restores and compares); returns what was checked.</summary>
    Task<IReadOnlyList<string>> VerifyBackupAsync(BackupManifest backup, DatabaseLocation? database, CancellationToken cancellationToken = default);

    /// <summary>Pushes the backup's configuration and checks the diff is clean (the server runs the backup's version).</summary>
    Task RestoreConfigurationAsync(BackupManifest backup, CancellationToken cancellationToken = default);

    /// <summary>What copies and restores <paramref name="database"/> (the rollback restores the backup's copy with it).</summary>
    IDatabaseBackup DatabaseBackupFor(DatabaseLocation database);
}
