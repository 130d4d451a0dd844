namespace DirectusSync.Upgrade.Upgrade.Steps;

/// <summary>
/// One step of the upgrade. The orchestrator (<see cref="DirectusUpgrade"/>) checks the order, records the step,
/// writes the state and the report, and rolls back after a failure past the stop; the step only does its work.
/// </summary>
public interface IStep
{
    /// <summary>Which step this is.</summary>
    UpgradeStep Step { get; }

    /// <summary>Does the step; notes what it did in <paramref name="record"/> and returns its one-line summary.</summary>
    /// <exception cref="UpgradeRefusedException">A gate said no: nothing was changed.</exception>
    Task<string> RunAsync(UpgradeRun run, StepRecord record, CancellationToken cancellationToken);
}
