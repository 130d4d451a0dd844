using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// Names every deletion of a plan by a stable key (an item by collection and sync id, a schema entity by
/// collection and field), so a consent can be given for exactly what a reviewed plan deletes.
/// </summary>
public static class PlannedDeletions
{
    /// <summary>The keys of everything <paramref name="plan"/> deletes (items and schema entities).</summary>
    public static IReadOnlyList<string> Keys(SyncPlan plan) =>
        [.. plan.Operations.OfType<DeleteItem>().Select(ItemKey), .. SchemaDeletions.Find(plan.Schema).Select(s => s.Key)];

    /// <summary>The key of an item deletion.</summary>
    public static string ItemKey(DeleteItem delete) => $"item:{delete.Collection}/{delete.SyncId}";

    /// <summary>The key of a schema deletion.</summary>
    public static string SchemaKey(SchemaDeletionKind kind, string collection, string? field) =>
        $"{kind.ToString().ToLowerInvariant()}:{collection}{(field is null ? string.Empty : "." + field)}";
}
