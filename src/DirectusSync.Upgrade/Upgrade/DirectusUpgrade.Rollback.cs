using DirectusSync.Core.Logging;
using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Reporting;
using DirectusSync.Upgrade.Upgrade.Steps;
using DirectusSync.Upgrade.Versions;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>
/// The rollback after a failure (or a cancellation) past the stop, run by <see cref="UpgradeRollback"/>:
/// each action only when what it depends on was done, every action recorded, INCOMPLETE when any needed
/// action failed or was skipped.
/// </summary>
public sealed partial class DirectusUpgrade
{
    /// <summary>
    /// Finishes the job of an upgrade that was killed outright: reads backup.json and upgrade-state.json of
    /// <paramref name="backupDirectory"/> and rolls back what the state says was started (the options and
    /// provider must be the upgrade's own). Nothing is done when the run never stopped Directus, completed,
    /// or was already rolled back.
    /// </summary>
    /// <returns>What was done, in one paragraph.</returns>
    /// <exception cref="UpgradeFailedException">The rollback is INCOMPLETE.</exception>
    public async Task<string> RollbackFromBackupAsync(string backupDirectory, CancellationToken cancellationToken = default)
    {
        var backup = BackupManifest.Read(backupDirectory);
        var state = UpgradeState.Read(backup.Directory)
            ?? throw new InvalidOperationException($"{backup.Directory} has no {UpgradeState.FileName}: it was not made by an upgrade, so there is no upgrade to roll back (DirectusSyncRestore pushes its configuration).");
        _run.Backup = backup;
        _run.CurrentVersion = StrictVersion.Parse(state.Previous, $"{UpgradeState.FileName}'s Previous");
        if (state.Upgraded)
        {
            return $"The upgrade to {state.Target} completed: nothing to roll back (restore the backup on purpose with a new upgrade, or by hand).";
        }

        if (!state.Stopped)
        {
            return $"The upgrade stopped at {UpgradeReport.Title(state.LastStep)} before Directus was stopped: nothing to roll back.";
        }

        if (state.RolledBack == true)
        {
            return $"The upgrade was already rolled back to {state.Previous}.";
        }

        InterruptedRun = state;
        _run.Resume(state);
        cancellationToken.ThrowIfCancellationRequested();
        var (restored, summary) = await RollbackAsync().ConfigureAwait(false);
        WriteState(_steps[^1]);
        WriteReport();
        return restored
            ? summary
            : throw new UpgradeFailedException(UpgradeStep.Rollback, summary, rolledBack: false);
    }

    /// <summary>The state a killed run left, when this upgrade only rolls it back (<see cref="RollbackFromBackupAsync"/>).</summary>
    public UpgradeState? InterruptedRun { get; private set; }

    private async Task<(bool Restored, string Summary)> RollbackAsync()
    {
        var current = _run.RequireCurrentVersion();
        var backup = _run.RequireBackup();
        var record = new StepRecord(UpgradeStep.Rollback, _time.GetUtcNow());
        _steps.Add(record);
        _log.Info("upgrade", $"Rolling back to Directus {current}…");

        // Its own time limit, not the upgrade's token: a Ctrl+C that stopped the upgrade must not stop
        // the rollback that brings Directus back.
        using var limit = new CancellationTokenSource(_options.RollbackTimeout, _time);
        var plan = new RollbackPlan
        {
            Previous = current,
            Backup = backup,
            ProviderBackupDirectory = BackupStep.ProviderBackupDirectory(backup),
            Bumped = _run.Bumped,
            DatabaseTouched = _run.DatabaseTouched,
            DumpReplaced = _run.DumpReplaced,
            Database = _options.Database is { } database and not UnsupportedDatabaseLocation && DirectusBackups.DatabaseCopyOf(backup) is { } copy
                ? (_server.DatabaseBackupFor(database), copy)
                : null,
        };
        RollbackResult result;
        try
        {
            result = await new UpgradeRollback(_provider, _server, () => _dump.RestoreFrom(backup))
                .RunAsync(plan, record.Note, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            result = new RollbackResult([new RollbackAction("rollback", RollbackActionOutcome.Failed, $"stopped after its time limit ({_options.RollbackTimeout.TotalMinutes:0} min)")]);
        }

        _run.Rollback = result;
        var summary = result.Summary(current.ToString(), _options.Connection.Url.ToString(), backup.Directory);
        record.End(result.IsComplete ? StepOutcome.Succeeded : StepOutcome.Failed, summary, _time.GetUtcNow());
        return (result.IsComplete, summary);
    }
}
