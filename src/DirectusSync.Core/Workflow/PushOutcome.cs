using DirectusSync.Core.Execution;
using DirectusSync.Core.Sync;

namespace DirectusSync.Core.Workflow;

/// <summary>What a push (or a dry run) found and did.</summary>
/// <param name="Planned">The first plan, computed before any write (what a dry run shows).</param>
/// <param name="Verdict">The guard's verdict on the first plan (a dry run reports it; a push stops on it).</param>
/// <param name="Result">What was written over all passes; null for a dry run.</param>
/// <param name="Passes">How many passes wrote something (0: a dry run, or nothing to do).</param>
public sealed record PushOutcome(DiffResult Planned, DeletionGuardVerdict Verdict, PushResult? Result, int Passes)
{
    /// <summary>True when nothing was written because of <c>--dry-run</c>.</summary>
    public bool IsDryRun => Result is null;
}
