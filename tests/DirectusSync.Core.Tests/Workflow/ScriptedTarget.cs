using DirectusSync.Core.Execution;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Core.Tests.Workflow;

/// <summary>A push target whose n-th diff answers the plan a script gives; it records the passes applied.</summary>
internal sealed class ScriptedTarget(Func<int, SyncPlan> planOfDiff, IReadOnlyDictionary<string, long>? rows = null) : IPushTarget
{
    private int _diffs;

    /// <summary>The plans applied, in order.</summary>
    public List<SyncPlan> Applied { get; } = [];

    /// <summary>The collections whose rows were counted.</summary>
    public List<string> Counted { get; } = [];

    /// <summary>The options of every diff, in order.</summary>
    public List<SyncOptions> Diffs { get; } = [];

    /// <inheritdoc />
    public Task<DiffResult> DiffAsync(SyncOptions options, CancellationToken cancellationToken = default)
    {
        Diffs.Add(options);
        return Task.FromResult(PlanBuilder.Diff(planOfDiff(_diffs++)));
    }

    /// <inheritdoc />
    public Task<DiffResult> DiffAgainAsync(DiffResult previous, SyncOptions options, CancellationToken cancellationToken = default) =>
        DiffAsync(options, cancellationToken);

    /// <inheritdoc />
    public Task<PushResult> ApplyAsync(DiffResult diff, SyncOptions options, CancellationToken cancellationToken = default)
    {
        Applied.Add(diff.Plan);
        return Task.FromResult(new PushResult(diff.Plan.Schema is not null, new Dictionary<string, PushCounts>()));
    }

    /// <inheritdoc />
    public Task<long> CountRowsAsync(string collection, CancellationToken cancellationToken = default)
    {
        Counted.Add(collection);
        return Task.FromResult(rows?.GetValueOrDefault(collection) ?? 0);
    }
}
