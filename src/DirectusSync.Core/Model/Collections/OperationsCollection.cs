using DirectusSync.Core.Diff;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Model.Collections;

/// <summary>operations: chained by resolve/reject; "Trigger flow" operations name a flow in their options.</summary>
/// <remarks>
/// operations: <c>resolve</c> and <c>reject</c> are unique, so the differ orders updates so that each takes next
/// steps nobody holds any more, and they are written one at a time, in that order.
/// </remarks>
internal sealed class OperationsCollection : CollectionBehavior
{
    /// <summary>The collection's declaration.</summary>
    public static CollectionDefinition Definition { get; } = new()
    {
        Name = "operations",
        MayPreserveIds = true,
        Order = ItemOrder.ByKey,
        IgnoredFields = AuditFields.Names,
        Relations =
        [
            RelationPath.Parse("flow", "flows"),
            RelationPath.Parse("resolve", "operations"),
            RelationPath.Parse("reject", "operations"),
            RelationPath.Parse("options.flow", "flows"),
        ],
        Behavior = new OperationsCollection(),
    };

    /// <inheritdoc />
    public override bool WritesUpdatesInOrder => true;

    /// <summary>The import would write them in one transaction, in no order the differ chose: REST, one step at a time.</summary>
    public override bool MayImport(UpdateItem update) => false;

    /// <summary>Links (resolve/reject) a create or update takes are released first from the operations that hold them.</summary>
    public override CollectionSteps? PlanSteps(LiveCollection live, PlannedIds planned) =>
        new ReleaseLinks(new OperationLinkPlanner(Definition.Name, live.Items, id => planned.SyncIdOf(Definition.Name, id)));

    private sealed class ReleaseLinks(OperationLinkPlanner links) : CollectionSteps
    {
        public override IEnumerable<PlanOperation> BeforeCreates(IReadOnlyList<CreateItem> creates) => links.BeforeCreates(creates);

        public override IEnumerable<PlanOperation> OrderDeferred(IReadOnlyList<UpdateItem> updates) => links.Order(updates, beforeUpdate: false);

        public override IEnumerable<PlanOperation> OrderUpdates(IReadOnlyList<UpdateItem> updates) => links.Order(updates, beforeUpdate: true);
    }
}
