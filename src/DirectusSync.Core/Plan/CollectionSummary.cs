namespace DirectusSync.Core.Plan;

/// <summary>Counts of one collection's diff, in the reference's vocabulary.</summary>
/// <param name="Collection">The collection.</param>
/// <param name="Dangling">Id maps whose item is gone.</param>
/// <param name="ToCreate">Items to create.</param>
/// <param name="ToUpdate">Items to update (deferred relation updates not counted).</param>
/// <param name="ToDelete">Items to delete.</param>
/// <param name="Unchanged">Items already equal.</param>
public sealed record CollectionSummary(string Collection, int Dangling, int ToCreate, int ToUpdate, int ToDelete, int Unchanged)
{
    /// <summary>True when pushing would change something in this collection.</summary>
    public bool HasChanges => ToCreate + ToUpdate + ToDelete + Dangling > 0;
}
