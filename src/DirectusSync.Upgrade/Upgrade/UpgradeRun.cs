using DirectusSync.Core.Transport;
using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Licensing;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>
/// What one upgrade run has learnt and done, shared by its steps and its rollback: the facts (running version,
/// backup, licence verdict, accepted risks) and the flags the rollback reads (stopped, bumped, database touched,
/// dump replaced), which <see cref="ToState"/> writes to upgrade-state.json.
/// </summary>
public sealed class UpgradeRun
{
    /// <summary>The version found by the preflight.</summary>
    public DirectusVersion? CurrentVersion { get; set; }

    /// <summary>The backup made by the backup step.</summary>
    public BackupManifest? Backup { get; set; }

    /// <summary>The licence gate's verdict (null when not checked).</summary>
    public LicenceAssessment? Licence { get; set; }

    /// <summary>True once the backup step made a database copy, restored it elsewhere and compared it with the live database.</summary>
    public bool DatabaseCopyProven { get; set; }

    /// <summary>Risks the user accepted explicitly (e.g. no database copy), for the report and the CI summary.</summary>
    public IList<string> Risks { get; } = new List<string>();

    /// <summary>The stop was started: from here on a failure needs a rollback.</summary>
    public bool Stopped { get; set; }

    /// <summary>The installation was pointed at the target.</summary>
    public bool Bumped { get; set; }

    /// <summary>The target's migrations (or start) may have touched the database.</summary>
    public bool DatabaseTouched { get; set; }

    /// <summary>The repository's dump was replaced by the upgraded one.</summary>
    public bool DumpReplaced { get; set; }

    /// <summary>The preflight found drift that is pushed right after the backup (--push-pending).</summary>
    public bool PendingPush { get; set; }

    /// <summary>The pending changes were pushed: the server equals the repository's dump, not the backup.</summary>
    public bool PendingPushed { get; set; }

    /// <summary>The last rollback's actions (null when none ran).</summary>
    public RollbackResult? Rollback { get; set; }

    /// <summary>True once every step succeeded.</summary>
    public bool Upgraded { get; set; }

    /// <summary>Raised by <see cref="SaveCheckpoint"/>: the orchestrator writes upgrade-state.json.</summary>
    public event EventHandler? CheckpointRequested;

    /// <summary>
    /// Writes the flags down now, in the middle of a step: before a change that a run killed half-way through
    /// must roll back (the repository's dump being replaced).
    /// </summary>
    public void SaveCheckpoint() => CheckpointRequested?.Invoke(this, EventArgs.Empty);

    /// <summary>The running version; throws when the preflight did not run.</summary>
    public DirectusVersion RequireCurrentVersion() =>
        CurrentVersion ?? throw new InvalidOperationException("The preflight did not run.");

    /// <summary>The backup; throws when the backup step did not run.</summary>
    public BackupManifest RequireBackup() =>
        Backup ?? throw new InvalidOperationException("The backup did not run.");

    /// <summary>True when <paramref name="target"/>'s major version is above the running one.</summary>
    public bool IsMajorUpgradeTo(DirectusVersion target) => CurrentVersion is not null && target.Major > CurrentVersion.Major;

    /// <summary>Takes over the flags of a run that was killed (read from its upgrade-state.json).</summary>
    public void Resume(UpgradeState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Stopped = state.Stopped;
        Bumped = state.Bumped;
        DatabaseTouched = state.DatabaseTouched;
        DumpReplaced = state.DumpReplaced;
    }

    /// <summary>What upgrade-state.json says after <paramref name="record"/>; null before there is a backup folder to write it to.</summary>
    public UpgradeState? ToState(StepRecord record, DirectusVersion target, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(target);
        if (Backup is null || CurrentVersion is not { } current)
        {
            return null;
        }

        return new UpgradeState
        {
            Previous = current.Text,
            Target = target.Text,
            LastStep = record.Step,
            LastOutcome = record.Outcome,
            Stopped = Stopped,
            Bumped = Bumped,
            DatabaseTouched = DatabaseTouched,
            DumpReplaced = DumpReplaced,
            RolledBack = Rollback?.IsComplete,
            Upgraded = Upgraded,
            UpdatedAt = now,
        };
    }
}
