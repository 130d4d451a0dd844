using DirectusSync.Core.Model;

namespace DirectusSync.Core.Plan;

/// <summary>
/// What a push would do, in the order it would do it: the schema first, then dangling maps removed,
/// existing items adopted, creates in dependency order, updates, and deletes in reverse dependency order.
/// </summary>
/// <param name="Schema">Schema changes, or null when the schema matches (or is not synced).</param>
/// <param name="Operations">The item and id-map steps, ordered.</param>
/// <param name="Summaries">Per-collection counts.</param>
public sealed record SyncPlan(SchemaChanges? Schema, IReadOnlyList<PlanOperation> Operations, IReadOnlyList<CollectionSummary> Summaries)
{
    /// <summary>True when a push would change nothing.</summary>
    public bool IsEmpty => (Schema is null || Schema.Total == 0) && Operations.Count == 0;

    /// <summary>
    /// True when the configuration differs: schema changes or items to create, update or delete. Id-map
    /// housekeeping alone (dangling maps left by items deleted outside the sync, defaults adopted through
    /// their placeholders) is not drift: a dump pulled a moment ago must pass a gate.
    /// </summary>
    public bool HasDrift => (Schema is not null && Schema.Total > 0) || Operations.Any(o => o.ChangesItems);

    /// <summary>Keys of dump items the target does not keep, left out of the comparison (reported as warnings).</summary>
    public IReadOnlyList<NotKeptKey> NotKept { get; init; } = [];

    /// <summary>The same plan with other operations (used by push modes that drop deletes or updates).</summary>
    public SyncPlan WithOperations(IReadOnlyList<PlanOperation> operations) => this with { Operations = operations };
}
