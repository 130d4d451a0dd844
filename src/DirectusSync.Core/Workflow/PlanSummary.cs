using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// A plan reduced to what a log or a report needs, the same in every front end: how much would change and
/// where, by name. Values appear only in <see cref="Lines"/> with <c>showValues</c>, masked.
/// </summary>
public sealed class PlanSummary
{
    private PlanSummary(SyncPlan plan, IReadOnlyList<CollectionChanges> collections, IReadOnlyList<SchemaEntry> schemaEntries)
    {
        Plan = plan;
        Collections = collections;
        SchemaEntries = schemaEntries;
    }

    /// <summary>The plan summarised.</summary>
    public SyncPlan Plan { get; }

    /// <summary>The schema changes, or null.</summary>
    public SchemaChanges? Schema => Plan.Schema is { Total: > 0 } schema ? schema : null;

    /// <summary>The collections, fields and relations the schema part changes, by name.</summary>
    public IReadOnlyList<SchemaEntry> SchemaEntries { get; }

    /// <summary>The collections a push would change, in plan order.</summary>
    public IReadOnlyList<CollectionChanges> Collections { get; }

    /// <summary>Schema changes plus item and id-map steps.</summary>
    public int ChangeCount => (Schema?.Total ?? 0) + Collections.Sum(c => c.Total);

    /// <summary>
    /// True when a push would change the schema or an item (<see cref="SyncPlan.HasDrift"/>, the rule of every
    /// front end): id-map housekeeping alone is not drift.
    /// </summary>
    public bool HasDrift => Plan.HasDrift;

    /// <summary>True when a push would send nothing at all (not even id-map housekeeping).</summary>
    public bool IsEmpty => ChangeCount == 0;

    /// <summary>Counts the plan's steps per collection.</summary>
    public static PlanSummary Of(SyncPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var collections = plan.Operations
            .GroupBy(o => o.Collection, StringComparer.Ordinal)
            .Select(g => new CollectionChanges(
                LogText.Escape(g.Key),
                g.Count(o => o is CreateItem),
                g.Count(o => o is UpdateItem),
                g.Count(o => o is DeleteItem),
                g.Count(o => o is CreateIdMap),
                g.Count(o => o is DeleteIdMap))
            {
                Other = g.Count(o => o is DeleteDuplicatePermission or ReleaseOperationLink),
            })
            .ToList();
        var schema = plan.Schema is { Total: > 0 } changes ? SchemaEntry.All(changes.Diff) : [];
        return new PlanSummary(plan, collections, schema);
    }

    /// <summary>
    /// The summary as lines: the schema counts and each changed collection, field and relation; each collection's
    /// counts; then the first <paramref name="maxSteps"/> steps (<see cref="PlanStep.Describe"/>), indented.
    /// </summary>
    public IReadOnlyList<string> Lines(bool showValues, int maxSteps = 20)
    {
        var lines = new List<string>();
        if (Schema is { } schema)
        {
            lines.Add(SchemaCounts(schema));
            lines.AddRange(SchemaEntries.Select(e => $"  {e}"));
        }

        lines.AddRange(Collections.Select(c => c.ToString()));
        lines.AddRange(Plan.Operations.Take(maxSteps).Select(o => $"  {PlanStep.Describe(o, showValues)}"));
        if (Plan.Operations.Count > maxSteps)
        {
            lines.Add($"  … and {Plan.Operations.Count - maxSteps} more step(s)");
        }

        return lines;
    }

    /// <summary>One line, e.g. "schema: 3 change(s) (1 collection(s), 2 field(s), 0 relation(s)); roles: 1 to update".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Schema is { } schema)
        {
            parts.Add(SchemaCounts(schema));
        }

        parts.AddRange(Collections.Select(c => c.ToString()));
        return parts.Count == 0 ? "nothing" : string.Join("; ", parts);
    }

    private static string SchemaCounts(SchemaChanges schema) =>
        $"schema: {schema.Total} change(s) ({schema.Count("collections")} collection(s), {schema.Count("fields")} field(s), {schema.Count("relations")} relation(s))";
}
