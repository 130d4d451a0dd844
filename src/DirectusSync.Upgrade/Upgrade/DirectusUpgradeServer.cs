using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Connection;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>The <see cref="IUpgradeServer"/> of a real Directus: /server/ping, /server/info and the backup's push.</summary>
public sealed class DirectusUpgradeServer(DirectusConnection connection, DirectusBackups backups, TimeSpan readyTimeout, TimeProvider? time = null) : IUpgradeServer
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(60);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

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

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <inheritdoc />
    public async Task<DirectusVersion?> WaitReadyAsync(CancellationToken cancellationToken = default)
    {
        if (!await ServerReadiness.WaitAsync(connection, readyTimeout, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        using var client = connection.CreateClient();
        return (await new DirectusServer(client).GetInfoAsync(cancellationToken).ConfigureAwait(false)).Version;
    }

    /// <inheritdoc />
    public Task RestoreConfigurationAsync(BackupManifest backup, CancellationToken cancellationToken = default) =>
        // The restore may delete what the backup says (its first plan), nothing else: DirectusBackups scopes the consent.
        backups.RestoreAsync(backup, consent: null, cancellationToken);
}
