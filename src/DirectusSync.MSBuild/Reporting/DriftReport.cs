using System.Text;
using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.MSBuild.Reporting;

/// <summary>
/// The drift as Markdown, for a CI job summary or artifact (e.g. DirectusSyncDiffReportPath=$(GITHUB_STEP_SUMMARY)).
/// Names what would change (collections, fields, sync ids, changed field names), never field values: a flow's
/// options or a setting may hold a secret.
/// </summary>
internal static class DriftReport
{
    /// <summary>At most this many plan steps are listed; the counts above the list stay complete.</summary>
    public const int MaxListedSteps = 200;

    /// <summary>The report.</summary>
    public static string Render(Uri url, string version, string dumpPath, SyncPlan plan)
    {
        var summary = DriftSummary.Of(plan);
        var text = new StringBuilder();
        text.AppendLine($"## Directus drift: {url}");
        text.AppendLine();
        text.AppendLine($"Directus {version}, dump `{dumpPath}`.");
        text.AppendLine();
        if (!summary.HasDrift)
        {
            text.AppendLine("No drift: a push would change nothing.");
            return text.ToString();
        }

        text.AppendLine($"**{summary.ChangeCount} change(s)** a push would make.");
        text.AppendLine();
        if (summary.Schema is { } schema)
        {
            text.AppendLine($"### Schema: {schema.Total} change(s)");
            text.AppendLine();
            foreach (var line in SchemaLines(schema))
            {
                text.AppendLine(line);
            }

            text.AppendLine();
        }

        if (summary.Collections.Count > 0)
        {
            text.AppendLine("### Collections");
            text.AppendLine();
            text.AppendLine("| Collection | Create | Update | Delete | Map | Unmap |");
            text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var c in summary.Collections)
            {
                text.AppendLine($"| {c.Collection} | {c.Create} | {c.Update} | {c.Delete} | {c.Map} | {c.Unmap} |");
            }

            text.AppendLine();
            text.AppendLine("### Steps");
            text.AppendLine();
            foreach (var operation in plan.Operations.Take(MaxListedSteps))
            {
                text.AppendLine($"- {Describe(operation)}");
            }

            if (plan.Operations.Count > MaxListedSteps)
            {
                text.AppendLine($"- … and {plan.Operations.Count - MaxListedSteps} more");
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> SchemaLines(SchemaChanges schema)
    {
        foreach (var part in new[] { "collections", "fields", "relations" })
        {
            foreach (var change in (schema.Diff[part] as JArray ?? []).OfType<JObject>())
            {
                var name = change.Value<string>("field") is { } field ? $"{change.Value<string>("collection")}.{field}" : change.Value<string>("collection");
                yield return $"- {part[..^1]} `{name}`: {Kind(change["diff"])}";
            }
        }
    }

    // Directus' schema diff holds deep-diff records: N(ew), D(eleted), E(dited), A(rray).
    private static string Kind(JToken? diff)
    {
        var kinds = (diff as JArray ?? []).OfType<JObject>().Select(d => d.Value<string>("kind")).ToHashSet();
        return kinds.Count == 1 && kinds.Contains("N") ? "new"
            : kinds.Count == 1 && kinds.Contains("D") ? "deleted"
            : "changed";
    }

    private static string Describe(PlanOperation operation) => operation switch
    {
        UpdateItem u => $"update {u.Collection} `{u.SyncId}`: {string.Join(", ", u.Changes.Properties().Select(p => p.Name))}",
        _ => $"{operation.Kind} {operation.Collection} `{operation.SyncId}`",
    };
}
