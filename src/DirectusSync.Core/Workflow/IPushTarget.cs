using DirectusSync.Core.Execution;
using DirectusSync.Core.Sync;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// What the <see cref="PushWorkflow"/> needs from a target: plans, one pass of writes, and row counts for the
/// guard's messages. <see cref="DirectusSyncEngine"/> is the one implementation; tests script their own.
/// </summary>
public interface IPushTarget
{
    /// <summary>The plan a push would run now (<see cref="DirectusSyncEngine.DiffAsync"/>).</summary>
    Task<DiffResult> DiffAsync(SyncOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// The plan after a pass (<see cref="DirectusSyncEngine.DiffAgainAsync"/>): computed as <see cref="DiffAsync"/>, on the
    /// server and id-map mode <paramref name="previous"/> established.
    /// </summary>
    Task<DiffResult> DiffAgainAsync(DiffResult previous, SyncOptions options, CancellationToken cancellationToken = default);

    /// <summary>One pass of writes (<see cref="DirectusSyncEngine.ApplyAsync"/>).</summary>
    Task<PushResult> ApplyAsync(DiffResult diff, SyncOptions options, CancellationToken cancellationToken = default);

    /// <summary>How many rows a user collection holds.</summary>
    Task<long> CountRowsAsync(string collection, CancellationToken cancellationToken = default);
}
