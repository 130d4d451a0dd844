using System.Globalization;
using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Reporting;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Upgrade.Backups;

/// <summary>
/// Backups of a Directus instance: a full pull into a dated folder (usable as a directus-sync dump),
/// the versions that made it, and a copy of the database where it is reachable.
/// </summary>
public sealed class DirectusBackups(DirectusConnection connection, SyncOptions sync, ICommandRunner runner, ISyncLog? log = null, TimeProvider? time = null)
{
    private readonly ISyncLog _log = log ?? NullSyncLog.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Pulls into <c>ROOT/backup-YYYYMMDD-HHMMSS</c>, copies the database, writes backup.json and VERSION.</summary>
    public async Task<BackupManifest> CreateAsync(string root, DatabaseLocation? database, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var directory = NewFolder(Path.GetFullPath(root), now);
        using var client = connection.CreateClient();
        var pulled = await new DirectusSyncEngine(client, _log).PullAsync(sync with { DumpPath = directory }, cancellationToken).ConfigureAwait(false);
        var manifest = new BackupManifest
        {
            Directory = directory,
            DirectusVersion = pulled.Server.Version.ToString(),
            DirectusSyncVersion = ToolVersions.DirectusSync,
            CreatedAt = now,
            Url = connection.Url.ToString(),
        };
        if (database is UnsupportedDatabaseLocation unsupported)
        {
            manifest = manifest with { Database = unsupported.Describe() };
        }
        else if (database is not null)
        {
            var copy = await DatabaseBackups.For(database, runner, _time).BackupAsync(Path.Combine(directory, "database"), cancellationToken).ConfigureAwait(false);
            manifest = manifest with
            {
                Database = database.Describe(),
                DatabaseFile = Path.GetRelativePath(directory, copy.FilePath).Replace('\\', '/'),
                DatabaseMethod = copy.Method,
                DatabaseRowCounts = new SortedDictionary<string, long>(copy.RowCounts.ToDictionary(), StringComparer.Ordinal),
            };
        }

        manifest.Write();
        _log.Info("backup", $"Backup of Directus {manifest.DirectusVersion} written to {directory}");
        return manifest;
    }

    /// <summary>
    /// Proves the backup usable: every dump file loads and the dump diffs clean against the server; the
    /// database copy restores into a scratch place with the live database's row counts, and a restore
    /// would be allowed. Returns what was checked.
    /// </summary>
    /// <exception cref="BackupVerificationException">It does not load or does not match.</exception>
    public async Task<IReadOnlyList<string>> VerifyAsync(BackupManifest manifest, DatabaseLocation? database, CancellationToken cancellationToken = default)
    {
        var checks = new List<string>();
        using var client = connection.CreateClient();
        DiffResult diff;
        try
        {
            diff = await new DirectusSyncEngine(client, _log).DiffAsync(sync with { DumpPath = DumpOf(manifest) }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new BackupVerificationException($"The backup in {manifest.Directory} does not load: {e.Message}", e);
        }

        if (diff.Plan.HasDrift)
        {
            throw new BackupVerificationException(
                $"The backup in {manifest.Directory} does not match the server it was taken from:\n{string.Join('\n', PlanSummary.Of(diff.Plan).Lines(showValues: false))}");
        }

        checks.Add("the dump loads and diffs clean against the server");
        if (database is not null and not UnsupportedDatabaseLocation && DatabaseCopyOf(manifest) is { } copy)
        {
            var backup = DatabaseBackups.For(database, runner, _time);
            try
            {
                checks.Add(await backup.VerifyAsync(copy, cancellationToken).ConfigureAwait(false));
                checks.Add(await backup.CheckRestorableAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (DatabaseBackupException e)
            {
                throw new BackupVerificationException(e.Message, e);
            }
        }

        return checks;
    }

    /// <summary>
    /// Pushes the backup's dump to the server through the push workflow and checks the diff is clean afterwards;
    /// refuses when the server does not run the backup's Directus version.
    /// </summary>
    /// <param name="manifest">The backup.</param>
    /// <param name="consent">
    /// What the push may delete beyond the guard's rule; null (the rollback's restore): exactly what the backup says
    /// to delete when the restore starts (its first plan, logged), nothing else — a later pass that would delete more
    /// is refused.
    /// </param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<DiffResult> RestoreAsync(BackupManifest manifest, DeletionConsent? consent, CancellationToken cancellationToken = default)
    {
        using var client = connection.CreateClient();
        var engine = new DirectusSyncEngine(client, _log);
        var options = sync with { DumpPath = DumpOf(manifest) };
        var info = await new DirectusServer(client).GetInfoAsync(cancellationToken).ConfigureAwait(false);
        if (info.Version.ToString() != manifest.DirectusVersion)
        {
            // A dump pushed with force into another version can write what that version does not
            // understand: the configuration goes back only into the version it came from.
            throw new BackupVerificationException(
                $"The backup {manifest.Directory} is of Directus {manifest.DirectusVersion}, but the server runs {info.Version}: nothing was pushed. Run Directus {manifest.DirectusVersion} (with its database restored) first.");
        }

        var workflow = new PushWorkflow(engine, _log);
        var request = new PushRequest(options) { Consent = consent ?? DeletionConsent.None };
        if (consent is null)
        {
            var planned = await workflow.RunAsync(request with { DryRun = true }, cancellationToken).ConfigureAwait(false);
            var deletions = PlannedDeletions.Keys(planned.Planned.Plan);
            foreach (var deletion in deletions)
            {
                _log.Warn("restore", $"The backup {manifest.Directory} says to delete {deletion}");
            }

            request = request with { Consent = DeletionConsent.Exactly(deletions), Planned = planned.Planned };
        }

        await workflow.RunAsync(request, cancellationToken).ConfigureAwait(false);
        var diff = await engine.DiffAsync(options, cancellationToken).ConfigureAwait(false);
        if (diff.Plan.HasDrift)
        {
            throw new BackupVerificationException(
                $"After pushing the backup {manifest.Directory} the server still differs:\n{string.Join('\n', PlanSummary.Of(diff.Plan).Lines(showValues: false))}");
        }

        return diff;
    }

    /// <summary>The database copy of a backup (with the row counts it must restore to), or null when it has none.</summary>
    public static DatabaseBackupFile? DatabaseCopyOf(BackupManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.DatabaseFile is null
            ? null
            : new DatabaseBackupFile(Path.GetFullPath(manifest.DatabaseFile, manifest.Directory), manifest.DatabaseMethod ?? string.Empty)
            {
                RowCounts = manifest.DatabaseRowCounts ?? new SortedDictionary<string, long>(StringComparer.Ordinal),
            };
    }

    /// <summary>The dump folder of a backup.</summary>
    public static string DumpOf(BackupManifest manifest) => Path.GetFullPath(manifest.DumpPath, manifest.Directory);

    private static string NewFolder(string root, DateTimeOffset now)
    {
        var name = "backup-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var directory = Path.Combine(root, name);
        for (var n = 2; Directory.Exists(directory); n++)
        {
            directory = Path.Combine(root, $"{name}-{n}");
        }

        Directory.CreateDirectory(directory);
        return directory;
    }
}
