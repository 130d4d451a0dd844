namespace DirectusSync.Core.Plan;

/// <summary>One step of a <see cref="SyncPlan"/>: data only, so a plan can be shown, filtered, serialised and tested.</summary>
/// <param name="Collection">The tracked collection's short name.</param>
/// <param name="SyncId">The item's sync id.</param>
public abstract record PlanOperation(string Collection, string SyncId)
{
    /// <summary>A short verb for reports: create, update, delete, map, unmap.</summary>
    public abstract string Kind { get; }

    /// <summary>True when the step changes items (not only the id map).</summary>
    public virtual bool ChangesItems => true;
}
