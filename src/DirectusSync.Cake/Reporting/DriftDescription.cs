using DirectusSync.Core.Plan;

namespace DirectusSync.Cake.Reporting;

/// <summary>A plan described for people: what a push of the repository's dump would change on the server.</summary>
public static class DriftDescription
{
    /// <summary>One line per changed part: schema counts, per collection counts, then the first operations.</summary>
    public static IReadOnlyList<string> Describe(SyncPlan plan, int maxOperations = 20)
    {
        var lines = new List<string>();
        if (plan.Schema is { Total: > 0 } schema)
        {
            lines.Add($"schema: {schema.Count("collections")} collection(s), {schema.Count("fields")} field(s), {schema.Count("relations")} relation(s) differ");
        }

        foreach (var summary in plan.Summaries.Where(s => s.HasChanges))
        {
            lines.Add($"{summary.Collection}: {summary.ToCreate} to create, {summary.ToUpdate} to update, {summary.ToDelete} to delete, {summary.Dangling} dangling id map(s)");
        }

        lines.AddRange(plan.Operations.Take(maxOperations).Select(o => $"  {o.Kind} {o.Collection} {o.SyncId}"));
        if (plan.Operations.Count > maxOperations)
        {
            lines.Add($"  … and {plan.Operations.Count - maxOperations} more step(s)");
        }

        return lines;
    }
}
