using DirectusSync.Core.Logging;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Licensing;
using DirectusSync.Upgrade.Processes;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>The <see cref="IUpgradeServer"/> of a real Directus: /server/ping, /server/info, the sync engine and the backups.</summary>
/// <param name="connection">The Directus to upgrade.</param>
/// <param name="backups">Makes, verifies and restores the backups.</param>
/// <param name="runner">Runs the database tools (pg_dump, pg_restore).</param>
/// <param name="readyTimeout">How long Directus may take to answer after a start.</param>
/// <param name="log">The engine's log.</param>
/// <param name="time">The clock of the waits.</param>
public sealed class DirectusUpgradeServer(DirectusConnection connection, DirectusBackups backups, ICommandRunner runner, TimeSpan readyTimeout, ISyncLog? log = null, TimeProvider? time = null) : IUpgradeServer
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(60);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ISyncLog _log = log ?? NullSyncLog.Instance;

    /// <summary>How long a stopped server may still answer before <see cref="WaitStoppedAsync"/> gives up.</summary>
    public static TimeSpan StopTimeout => StopPatience;

    /// <inheritdoc />
    public Task<bool> PingAsync(CancellationToken cancellationToken = default) =>
        ServerReadiness.PingAsync(connection, cancellationToken);

    /// <inheritdoc />
    public Task<bool> WaitAnswersAsync(CancellationToken cancellationToken = default) =>
        ServerReadiness.WaitAsync(connection, readyTimeout, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public async Task<bool> WaitStoppedAsync(CancellationToken cancellationToken = default)
    {
        var deadline = _time.GetUtcNow() + StopPatience;
        while (await ServerReadiness.PingAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            if (_time.GetUtcNow() > deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), _time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <inheritdoc />
    public async Task<DirectusVersion?> WaitReadyAsync(CancellationToken cancellationToken = default)
    {
        if (!await WaitAnswersAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return (await GetInfoAsync(cancellationToken).ConfigureAwait(false)).Version;
    }

    /// <inheritdoc />
    public async Task<ServerInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        using var client = connection.CreateClient();
        return await new DirectusServer(client).GetInfoAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ServerInfo> GetSupportedInfoAsync(CancellationToken cancellationToken = default)
    {
        using var client = connection.CreateClient();
        return await new DirectusServer(client).EnsureSupportedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task PullAsync(SyncOptions options, CancellationToken cancellationToken = default)
    {
        using var client = connection.CreateClient();
        await new DirectusSyncEngine(client, _log).PullAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SyncPlan> DiffAsync(SyncOptions options, CancellationToken cancellationToken = default)
    {
        using var client = connection.CreateClient();
        return (await new DirectusSyncEngine(client, _log).DiffAsync(options, cancellationToken).ConfigureAwait(false)).Plan;
    }

    /// <inheritdoc />
    public async Task<DeletionGuardVerdict> PushAsync(PushRequest request, CancellationToken cancellationToken = default)
    {
        using var client = connection.CreateClient();
        var outcome = await new PushWorkflow(new DirectusSyncEngine(client, _log), _log).RunAsync(request, cancellationToken).ConfigureAwait(false);
        return outcome.Verdict;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ReadSeatHoldersAsync(CancellationToken cancellationToken = default)
    {
        using var client = connection.CreateClient();
        return await SeatHolders.ReadAsync(client, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<BackupManifest> CreateBackupAsync(string root, DatabaseLocation? database, CancellationToken cancellationToken = default) =>
        backups.CreateAsync(root, database, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> VerifyBackupAsync(BackupManifest backup, DatabaseLocation? database, CancellationToken cancellationToken = default) =>
        backups.VerifyAsync(backup, database, cancellationToken);

    /// <inheritdoc />
    public Task RestoreConfigurationAsync(BackupManifest backup, CancellationToken cancellationToken = default) =>
        // The restore may delete what the backup says (its first plan), nothing else: DirectusBackups scopes the consent.
        backups.RestoreAsync(backup, consent: null, cancellationToken);

    /// <inheritdoc />
    public IDatabaseBackup DatabaseBackupFor(DatabaseLocation database) => DatabaseBackups.For(database, runner, _time);
}
