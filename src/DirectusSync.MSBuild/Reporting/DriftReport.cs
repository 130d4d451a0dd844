using System.Text;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Workflow;

namespace DirectusSync.MSBuild.Reporting;

/// <summary>
/// The drift as Markdown, for a CI job summary or artifact (e.g. DirectusSyncDiffReportPath=$(GITHUB_STEP_SUMMARY)).
/// Names what would change (collections, fields, sync ids, changed field names) through Core's
/// <see cref="PlanSummary"/>; field values only with DirectusSyncShowValues, and then masked. Every name is a
/// code span (<see cref="LogText.CodeSpan"/>), so nothing from a dump renders as Markdown.
/// </summary>
internal static class DriftReport
{
    /// <summary>At most this many plan steps are listed; the counts above the list stay complete.</summary>
    public const int MaxListedSteps = 200;

    /// <summary>The report.</summary>
    public static string Render(Uri url, string version, string dumpPath, SyncPlan plan, bool showValues)
    {
        var summary = PlanSummary.Of(plan);
        var text = new StringBuilder();
        text.AppendLine($"## Directus drift: {LogText.Escape(url.ToString())}");
        text.AppendLine();
        text.AppendLine($"Directus {LogText.Escape(version)}, dump {LogText.CodeSpan(dumpPath)}.");
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
            foreach (var entry in summary.SchemaEntries)
            {
                var paths = entry.Paths.Count > 0 ? $" ({string.Join(", ", entry.Paths.Select(LogText.CodeSpan))})" : string.Empty;
                text.AppendLine($"- {entry.Part} {LogText.CodeSpan(entry.Name)}: {entry.Kind}{paths}");
            }

            text.AppendLine();
        }

        if (summary.Collections.Count > 0)
        {
            text.AppendLine("### Collections");
            text.AppendLine();
            text.AppendLine("| Collection | Create | Update | Delete | Map | Unmap | Other |");
            text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var c in summary.Collections)
            {
                text.AppendLine($"| {LogText.CodeSpan(c.Collection)} | {c.Create} | {c.Update} | {c.Delete} | {c.Map} | {c.Unmap} | {c.Other} |");
            }

            text.AppendLine();
            text.AppendLine("### Steps");
            text.AppendLine();
            foreach (var operation in plan.Operations.Take(MaxListedSteps))
            {
                text.AppendLine($"- {LogText.CodeSpan(PlanStep.Describe(operation, showValues))}");
            }

            if (plan.Operations.Count > MaxListedSteps)
            {
                text.AppendLine($"- … and {plan.Operations.Count - MaxListedSteps} more");
            }
        }

        return text.ToString();
    }
}
