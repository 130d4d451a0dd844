using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Plan;

/// <summary>Set the changed top-level fields of a mapped item (relations hold sync ids).</summary>
/// <param name="Collection">The collection.</param>
/// <param name="SyncId">The sync id.</param>
/// <param name="LocalId">The id on the target, or null when the item is created earlier in the same plan.</param>
/// <param name="Changes">The fields to set, with the dump's values.</param>
/// <param name="Before">The target's current values of those fields (for reports; empty for deferred relations).</param>
/// <param name="IsDeferredRelation">Sets relations to items created after this one (flow → first operation).</param>
public sealed record UpdateItem(string Collection, string SyncId, string? LocalId, JObject Changes, JObject Before, bool IsDeferredRelation = false)
    : PlanOperation(Collection, SyncId)
{
    /// <inheritdoc />
    public override string Kind => "update";

    /// <summary>Why the update is shaped as it is (a split write, the access rows it changes), or null.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// The first write of an update split in two (a translation's key before its language): part of the same
    /// item's update, so not counted as an updated item. Updates of one item run in plan order.
    /// </summary>
    public bool IsPrelude { get; init; }

    /// <summary>For a policy update that changes its roles: the access rows written, as computed against the target.</summary>
    public PolicyAccessChanges? Access { get; init; }
}
