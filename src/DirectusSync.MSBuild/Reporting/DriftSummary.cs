using DirectusSync.Core.Plan;

namespace DirectusSync.MSBuild.Reporting;

/// <summary>A plan reduced to what a build log needs: how much would change, and where.</summary>
internal sealed class DriftSummary
{
    private DriftSummary(SchemaChanges? schema, IReadOnlyList<CollectionChanges> collections, bool hasDrift)
    {
        Schema = schema;
        Collections = collections;
        HasDrift = hasDrift;
    }

    /// <summary>The schema changes, or null.</summary>
    public SchemaChanges? Schema { get; }

    /// <summary>The collections a push would change, in plan order.</summary>
    public IReadOnlyList<CollectionChanges> Collections { get; }

    /// <summary>Schema changes plus item and id-map steps.</summary>
    public int ChangeCount => (Schema?.Total ?? 0) + Collections.Sum(c => c.Total);

    /// <summary>
    /// True when a push would change the schema or an item (<see cref="SyncPlan.HasDrift"/>, the rule of every
    /// front end): id-map housekeeping alone is not drift.
    /// </summary>
    public bool HasDrift { get; }

    /// <summary>True when a push would send nothing at all (not even id-map housekeeping).</summary>
    public bool IsEmpty => ChangeCount == 0;

    /// <summary>Counts the plan's steps per collection.</summary>
    public static DriftSummary Of(SyncPlan plan)
    {
        var collections = plan.Operations
            .GroupBy(o => o.Collection, StringComparer.Ordinal)
            .Select(g => new CollectionChanges(
                g.Key,
                g.Count(o => o is CreateItem),
                g.Count(o => o is UpdateItem),
                g.Count(o => o is DeleteItem),
                g.Count(o => o is CreateIdMap),
                g.Count(o => o is DeleteIdMap)))
            .ToList();
        return new DriftSummary(plan.Schema is { Total: > 0 } ? plan.Schema : null, collections, plan.HasDrift);
    }

    /// <summary>One line, e.g. "schema: 3 change(s) (1 collection(s), 2 field(s), 0 relation(s)); roles: 1 to update".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Schema is not null)
        {
            parts.Add($"schema: {Schema.Total} change(s) ({Schema.Count("collections")} collection(s), {Schema.Count("fields")} field(s), {Schema.Count("relations")} relation(s))");
        }

        parts.AddRange(Collections.Select(c => c.ToString()));
        return parts.Count == 0 ? "nothing" : string.Join("; ", parts);
    }
}
