using System.Globalization;
using DirectusSync.Cake.Connection;
using DirectusSync.Cake.Databases;
using DirectusSync.Cake.Processes;
using DirectusSync.Cake.Reporting;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake.Backups;

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
        if (database is not null)
        {
            var copy = await DatabaseBackups.For(database, runner).BackupAsync(Path.Combine(directory, "database"), cancellationToken).ConfigureAwait(false);
            manifest = manifest with
            {
                Database = database.Describe(),
                DatabaseFile = Path.GetRelativePath(directory, copy.FilePath).Replace('\\', '/'),
                DatabaseMethod = copy.Method,
            };
        }

        manifest.Write();
        _log.Info("backup", $"Backup of Directus {manifest.DirectusVersion} written to {directory}");
        return manifest;
    }

    /// <summary>
    /// Proves the backup usable: every dump file loads and the dump diffs clean against the server, and
    /// the database copy reads back. Returns what was checked.
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
        if (database is not null && manifest.DatabaseFile is not null)
        {
            var copy = new DatabaseBackupFile(Path.Combine(manifest.Directory, manifest.DatabaseFile), manifest.DatabaseMethod ?? string.Empty);
            try
            {
                await DatabaseBackups.For(database, runner).VerifyAsync(copy, cancellationToken).ConfigureAwait(false);
            }
            catch (DatabaseBackupException e)
            {
                throw new BackupVerificationException(e.Message, e);
            }

            checks.Add($"the database copy {manifest.DatabaseFile} reads back ({manifest.DatabaseMethod})");
        }

        return checks;
    }

    /// <summary>
    /// Pushes the backup's dump to the server through the push workflow and checks the diff is clean afterwards
    /// (force when the server's version is not the backup's).
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
            options = options with { Force = true };
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
