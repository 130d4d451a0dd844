using DirectusSync.Core.Execution;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Core.Seed;

/// <summary>What a seed push did (or, in a dry run, would do).</summary>
/// <param name="Counts">Created, updated, deleted and dangling counts, by collection (all zero in a dry run).</param>
/// <param name="Passes">How many create passes it took (would take, in a dry run).</param>
public sealed record SeedPushResult(IReadOnlyDictionary<string, PushCounts> Counts, int Passes)
{
    /// <summary>The plan the push sent (or would send), operation by operation.</summary>
    public required SeedPlan Plan { get; init; }

    /// <summary>True when nothing was written (<see cref="SeedOptions.DryRun"/>).</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// What the deletion guard stops (a dry run reports it; a push that is not a dry run throws
    /// <see cref="DeletionRefusedException"/> instead). Clear when the deletes were consented to.
    /// </summary>
    public DeletionGuardVerdict Verdict { get; init; } = DeletionGuardVerdict.Clear;
}
