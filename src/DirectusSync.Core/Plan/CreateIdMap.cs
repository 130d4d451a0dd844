namespace DirectusSync.Core.Plan;

/// <summary>
/// Map an item that already exists on the target to a sync id, without touching the item: a default
/// row met through a placeholder, or a preserved-id item whose map was lost.
/// </summary>
/// <param name="Collection">The collection (id-map table).</param>
/// <param name="SyncId">The sync id.</param>
/// <param name="LocalId">The existing item's id.</param>
/// <param name="Reason">Why the item is adopted.</param>
public sealed record CreateIdMap(string Collection, string SyncId, string LocalId, string Reason) : PlanOperation(Collection, SyncId)
{
    /// <inheritdoc />
    public override string Kind => "map";

    /// <inheritdoc />
    public override bool ChangesItems => false;
}
