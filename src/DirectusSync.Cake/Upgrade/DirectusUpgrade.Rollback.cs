using DirectusSync.Cake.Backups;
using DirectusSync.Cake.Databases;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Transport;

namespace DirectusSync.Cake.Upgrade;

/// <summary>
/// The rollback after a failure past the stop: stop, put the old version back, restore the database,
/// start, push the backup, check the diff is clean. Every action is tried and recorded, so the summary
/// says exactly what was restored and what was not.
/// </summary>
public sealed partial class DirectusUpgrade
{
    private async Task<(bool Restored, string Summary)> RollbackAsync(CancellationToken cancellationToken)
    {
        var (current, backup) = Require();
        var record = new StepRecord(UpgradeStep.Rollback, _time.GetUtcNow());
        _steps.Add(record);
        _log.Info("upgrade", $"Rolling back to Directus {current}…");
        var done = new List<string>();
        var failed = new List<string>();

        async Task Try(string action, Func<Task> body)
        {
            try
            {
                await body().ConfigureAwait(false);
                done.Add(action);
                record.Note($"✔ {action}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Add($"{action}: {e.Message}");
                record.Note($"✘ {action}: {e.Message}");
            }
        }

        await Try("stopped Directus", () => _provider.StopAsync(cancellationToken)).ConfigureAwait(false);
        if (_bumped)
        {
            await Try($"put Directus {current} back ({_provider.Description})",
                () => _provider.RevertAsync(ProviderBackupDirectory(backup), current, cancellationToken)).ConfigureAwait(false);
        }

        if (_databaseTouched && _options.Database is not null && backup.DatabaseFile is not null)
        {
            await Try($"restored the database from {backup.DatabaseFile}", () => DatabaseBackups.For(_options.Database, _runner)
                .RestoreAsync(new DatabaseBackupFile(Path.Combine(backup.Directory, backup.DatabaseFile), backup.DatabaseMethod ?? string.Empty), cancellationToken))
                .ConfigureAwait(false);
        }
        else if (_databaseTouched)
        {
            record.Note("⚠ the database was migrated but no copy exists: only the configuration can be restored");
        }

        if (_dumpReplaced)
        {
            await Try("restored the repository's dump from the backup", () =>
            {
                RestoreRepositoryDump(backup);
                return Task.CompletedTask;
            }).ConfigureAwait(false);
        }

        await Try($"started Directus {current}", async () =>
        {
            await _provider.StartAsync(cancellationToken).ConfigureAwait(false);
            if (!await WaitReadyAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"it did not answer /server/ping within {_options.ReadyTimeout.TotalSeconds:0} s");
            }

            using var client = _options.Connection.CreateClient();
            var info = await new DirectusServer(client).GetInfoAsync(cancellationToken).ConfigureAwait(false);
            if (info.Version.CompareTo(current) != 0)
            {
                throw new InvalidOperationException($"it answers as {info.Version}");
            }
        }).ConfigureAwait(false);

        // The restore may delete what the backup says (its first plan), nothing else: DirectusBackups scopes the consent.
        await Try($"pushed the backup {backup.Directory}; diff clean",
            () => _backups.RestoreAsync(backup, consent: null, cancellationToken)).ConfigureAwait(false);

        var restored = failed.Count == 0;
        var summary = restored
            ? $"Rolled back: {string.Join("; ", done)}. Directus {current} at {_options.Connection.Url} serves the backed-up configuration again."
            : $"The rollback is INCOMPLETE: {string.Join("; ", failed)}. Done: {(done.Count == 0 ? "nothing" : string.Join("; ", done))}. "
              + $"Restore by hand from {backup.Directory} (backup.json says what it holds).";
        record.End(restored ? StepOutcome.Succeeded : StepOutcome.Failed, summary, _time.GetUtcNow());
        return (restored, summary);
    }

    private void RestoreRepositoryDump(BackupManifest backup)
    {
        var from = Layout(BackupsDump(backup));
        var to = Layout(Path.GetFullPath(_options.DumpPath));
        foreach (var (source, target) in new[]
                 {
                     (from.CollectionsDirectory, to.CollectionsDirectory),
                     (from.SnapshotDirectory, to.SnapshotDirectory),
                     (from.SpecsDirectory, to.SpecsDirectory),
                 })
        {
            if (!Directory.Exists(source))
            {
                continue;
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            CopyTree(source, target);
        }
    }
}
