using DirectusSync.Core.Sync;

namespace DirectusSync.Core.Workflow;

/// <summary>What a front end asks the <see cref="PushWorkflow"/> to do.</summary>
/// <param name="Options">The sync options (dump, collections, mode, retries…), already validated.</param>
public sealed record PushRequest(SyncOptions Options)
{
    /// <summary>--dry-run: compute the plan and the guard's verdict, write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>What the user consented to delete (none by default).</summary>
    public DeletionConsent Consent { get; init; } = DeletionConsent.None;

    /// <summary>
    /// The plan of a dry run of this request, already shown or checked by the caller: the push starts from it
    /// instead of reading the target again before the first write (the guard still checks it).
    /// </summary>
    public DiffResult? Planned { get; init; }

    /// <summary>The guard's thresholds.</summary>
    public DeletionGuardPolicy Policy { get; init; } = DeletionGuardPolicy.Default;
}
