using DirectusSync.Core.Diff;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Model;

namespace DirectusSync.Core.Sync;

/// <summary>The outcome of a diff: the plan a push would run, and what it was computed from.</summary>
/// <param name="Server">The target's version and name.</param>
/// <param name="Plan">The plan (already filtered by the push mode).</param>
/// <param name="Live">The target's state the plan was computed from.</param>
public sealed record DiffResult(ServerInfo Server, SyncPlan Plan, LiveState Live)
{
    /// <summary>Where the id maps came from (never <see cref="IdMapMode.Auto"/>: the mode the detection chose).</summary>
    public IdMapMode IdMaps { get; init; } = IdMapMode.Extension;
}
