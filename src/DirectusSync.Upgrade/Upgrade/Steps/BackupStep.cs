using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Providers;

namespace DirectusSync.Upgrade.Upgrade.Steps;

/// <summary>
/// No database copy, no stop: pull into a dated backup folder, copy the database, keep the installation's files,
/// and prove the backup (the copy restored elsewhere and compared); then push the pending changes, if any, onto a
/// state that can come back. Any failure to copy or prove refuses the upgrade before anything is stopped.
/// </summary>
/// <param name="options">The upgrade's options.</param>
/// <param name="provider">The installation.</param>
/// <param name="server">The Directus server.</param>
public sealed class BackupStep(UpgradeOptions options, IDirectusProvider provider, IUpgradeServer server) : IStep
{
    /// <inheritdoc />
    public UpgradeStep Step => UpgradeStep.Backup;

    /// <summary>Where the installation's files are kept for the rollback.</summary>
    public static string ProviderBackupDirectory(BackupManifest backup)
    {
        ArgumentNullException.ThrowIfNull(backup);
        return Path.Combine(backup.Directory, "provider");
    }

    /// <inheritdoc />
    public async Task<string> RunAsync(UpgradeRun run, StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(record);
        var current = run.RequireCurrentVersion();
        RefuseWithoutDatabaseCopy(run, record);
        BackupManifest backup;
        try
        {
            backup = await server.CreateBackupAsync(options.BackupRoot, options.Database, cancellationToken).ConfigureAwait(false);
        }
        catch (DatabaseBackupException e)
        {
            throw new UpgradeRefusedException(UpgradeStep.Backup, $"The database copy failed; nothing was stopped: {e.Message}");
        }

        run.Backup = backup;
        record.Note($"Folder: {backup.Directory} (a dump: `directus-sync push --dump-path {backup.Directory}` restores the configuration)");
        record.Note($"Versions: Directus {backup.DirectusVersion}, DirectusSync {backup.DirectusSyncVersion} (backup.json, VERSION)");
        await provider.SaveAsync(ProviderBackupDirectory(backup), current, cancellationToken).ConfigureAwait(false);
        record.Note($"Installation files kept for the rollback in {ProviderBackupDirectory(backup)}");
        if (backup.DatabaseFile is not null)
        {
            record.Note($"Database: {backup.Database} → {backup.DatabaseFile} ({backup.DatabaseMethod})");
        }

        IReadOnlyList<string> checks;
        try
        {
            checks = await server.VerifyBackupAsync(backup, options.Database, cancellationToken).ConfigureAwait(false);
        }
        catch (BackupVerificationException e)
        {
            throw new UpgradeRefusedException(UpgradeStep.Backup, $"The backup {backup.Directory} did not prove itself; nothing was stopped: {e.Message}");
        }

        foreach (var check in checks)
        {
            record.Note($"Verified: {check}");
        }

        run.DatabaseCopyProven = backup.DatabaseFile is not null;
        if (run.PendingPush)
        {
            // After the backup was made and proven: the pending changes are pushed onto a state that can come back.
            await PendingPush.PushAsync(options, server, run, record, cancellationToken).ConfigureAwait(false);
        }

        return $"{backup.Directory}{(backup.DatabaseFile is null ? " (configuration only: NO DATABASE COPY, accepted)" : " (configuration and database, restored and compared)")}, verified";
    }

    /// <summary>
    /// Refuses (before anything is written) when the database is not configured or is one DirectusSync cannot
    /// copy, unless the user accepted that risk explicitly.
    /// </summary>
    private void RefuseWithoutDatabaseCopy(UpgradeRun run, StepRecord record)
    {
        var why = options.Database switch
        {
            null => "no database is configured (the Directus env file, --directus-env-file, says where it is)",
            UnsupportedDatabaseLocation unsupported => unsupported.Describe(),
            _ => null,
        };
        if (why is null)
        {
            return;
        }

        if (!options.AcceptNoDatabaseBackup)
        {
            throw new UpgradeRefusedException(UpgradeStep.Backup,
                $"No database copy can be made: {why}. The upgrade migrates the database, and without a copy that was restored and compared a rollback cannot bring it back; nothing was stopped. "
                + "Point the upgrade at the Directus env file (--directus-env-file) of a SQLite or PostgreSQL Directus, or back the database up yourself and accept the risk explicitly (--accept-no-database-backup).");
        }

        var risk = $"⚠ RISK accepted (--accept-no-database-backup): no database copy ({why}); a rollback cannot restore the database";
        run.Risks.Add(risk);
        record.Note(risk);
    }
}
