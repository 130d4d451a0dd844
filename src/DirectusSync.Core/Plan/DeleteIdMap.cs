namespace DirectusSync.Core.Plan;

/// <summary>Remove a dangling id map: its item was deleted on the target outside the sync.</summary>
/// <param name="Collection">The collection (id-map table).</param>
/// <param name="SyncId">The sync id.</param>
/// <param name="LocalId">The id the map pointed at.</param>
public sealed record DeleteIdMap(string Collection, string SyncId, string LocalId) : PlanOperation(Collection, SyncId)
{
    /// <inheritdoc />
    public override string Kind => "unmap";

    /// <inheritdoc />
    public override bool ChangesItems => false;

    /// <summary>Why the step is planned, in words, when the planner says it (a seed push gives every step one), or null.</summary>
    public string? Reason { get; init; }
}
