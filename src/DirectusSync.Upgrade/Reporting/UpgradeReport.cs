using System.Globalization;
using System.Text;
using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Upgrade.Reporting;

/// <summary>
/// The upgrade's Markdown report, for CI to publish: the run at a glance, one table row per step (outcome,
/// duration, summary), then what each step did. It names what changes, never values (the drift lines are Core's
/// <see cref="PlanSummary"/> without values), and text from dumps and servers is escaped (<see cref="LogText"/>):
/// a summary cannot close its code fence, a detail is an inert code span, no line is a CI workflow command.
/// </summary>
public static class UpgradeReport
{
    /// <summary>The step's title as people read it.</summary>
    public static string Title(UpgradeStep step) => step switch
    {
        UpgradeStep.Preflight => "Preflight",
        UpgradeStep.Backup => "Backup",
        UpgradeStep.VersionCheck => "Version check",
        UpgradeStep.Stop => "Stop",
        UpgradeStep.Bump => "Bump",
        UpgradeStep.Install => "Install",
        UpgradeStep.Migrate => "Migrate",
        UpgradeStep.Start => "Start",
        UpgradeStep.PostUpgrade => "Post-upgrade",
        UpgradeStep.Rollback => "Rollback",
        _ => step.ToString(),
    };

    /// <summary>The run's result in a few words.</summary>
    public static string Result(DirectusUpgrade upgrade)
    {
        if (upgrade.IsUpgraded)
        {
            return $"✅ upgraded to {upgrade.Options.TargetVersion}";
        }

        if (upgrade.InterruptedRun is { } interrupted)
        {
            // A run killed outright, finished by RollbackDirectus: its own report stopped at the kill.
            var when = $"{(interrupted.LastOutcome == StepOutcome.Pending ? "during" : "after")} {Title(interrupted.LastStep)}";
            return upgrade.Rollback?.IsComplete == true
                ? $"❌ interrupted {when}; rolled back to {upgrade.CurrentVersion}"
                : $"❌ interrupted {when}; the rollback is INCOMPLETE";
        }

        var stopped = upgrade.Steps.FirstOrDefault(s => s.Outcome is StepOutcome.Refused or StepOutcome.Failed && s.Step != UpgradeStep.Rollback);
        var rollback = upgrade.Steps.FirstOrDefault(s => s.Step == UpgradeStep.Rollback);
        return (stopped, rollback) switch
        {
            ({ Outcome: StepOutcome.Refused } refused, _) => $"⛔ refused at {Title(refused.Step)}: nothing was stopped or changed",
            ({ } failed, { Outcome: StepOutcome.Succeeded }) => $"❌ failed at {Title(failed.Step)}; rolled back to {upgrade.CurrentVersion}",
            ({ } failed, { }) => $"❌ failed at {Title(failed.Step)}; the rollback is INCOMPLETE",
            ({ } failed, null) => $"❌ failed at {Title(failed.Step)}: nothing was stopped",
            _ => upgrade.Steps.Count == 0 ? "not started" : $"in progress (last step: {Title(upgrade.Steps[^1].Step)})",
        };
    }

    /// <summary>Renders the report.</summary>
    public static string Render(DirectusUpgrade upgrade)
    {
        var options = upgrade.Options;
        var text = new StringBuilder();
        text.AppendLine("# Directus upgrade report").AppendLine();
        text.AppendLine("| | |").AppendLine("| --- | --- |");
        Row(text, "Result", Result(upgrade));
        Row(text, "Directus", options.Connection.Url.ToString());
        Row(text, "From", upgrade.CurrentVersion?.ToString() ?? "?");
        Row(text, "To", options.TargetVersion.ToString());
        Row(text, "Installation", upgrade.ProviderDescription);
        Row(text, "Repository dump", Path.GetFullPath(options.DumpPath));
        Row(text, "Backup", upgrade.Backup?.Directory ?? "none yet");
        Row(text, "Database copy", upgrade.DatabaseCopyProven
            ? $"{upgrade.Backup?.DatabaseFile} ({upgrade.Backup?.DatabaseMethod}), restored elsewhere and compared table by table"
            : upgrade.InterruptedRun is not null && upgrade.Backup?.DatabaseFile is { } copy
                ? $"{copy} ({upgrade.Backup.DatabaseMethod}), made by the interrupted run"
                : upgrade.Backup is null ? "none yet" : "⚠ NONE");
        if (upgrade.InterruptedRun is { } run)
        {
            Row(text, "Interrupted run", $"last step {Title(run.LastStep)} ({Outcome(run.LastOutcome)}) at {run.UpdatedAt.ToString("u", CultureInfo.InvariantCulture)}, per {UpgradeState.FileName}");
        }

        foreach (var risk in upgrade.Risks)
        {
            Row(text, "Risk", risk);
        }

        Row(text, "DirectusSync", ToolVersions.DirectusSync);
        if (upgrade.Steps.Count > 0)
        {
            Row(text, "Started", upgrade.Steps[0].Started.ToString("u", CultureInfo.InvariantCulture));
            Row(text, "Duration", Format(upgrade.Steps.Aggregate(TimeSpan.Zero, (total, s) => total + s.Duration)));
        }

        text.AppendLine().AppendLine("## Steps").AppendLine();
        text.AppendLine("| # | Step | Outcome | Duration | Summary |").AppendLine("| --- | --- | --- | --- | --- |");
        var number = 0;
        foreach (var step in upgrade.Steps)
        {
            text.Append("| ").Append(++number).Append(" | ").Append(Title(step.Step)).Append(" | ").Append(Outcome(step.Outcome))
                .Append(" | ").Append(Format(step.Duration)).Append(" | ").Append(Cell(step.Summary)).AppendLine(" |");
        }

        foreach (var pending in DirectusUpgrade.Order.Where(s => upgrade.Steps.All(r => r.Step != s)))
        {
            text.Append("| – | ").Append(Title(pending)).AppendLine(" | not run | | |");
        }

        foreach (var step in upgrade.Steps)
        {
            text.AppendLine().Append("### ").AppendLine(Title(step.Step)).AppendLine();
            text.Append("**").Append(Outcome(step.Outcome)).Append("** in ").Append(Format(step.Duration)).AppendLine(".").AppendLine();
            if (step.Summary.Length > 0)
            {
                text.AppendLine("```text").AppendLine(LogText.Message(step.Summary.TrimEnd())).AppendLine("```").AppendLine();
            }

            foreach (var line in step.Details)
            {
                // Lines indented by the step are nested under the line before.
                text.Append(line.StartsWith("  ", StringComparison.Ordinal) ? "  - " : "- ").AppendLine(LogText.CodeSpan(line.Trim()));
            }
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, string value) =>
        text.Append("| ").Append(name).Append(" | ").Append(Cell(value)).AppendLine(" |");

    private static string Cell(string value) =>
        LogText.Escape(value.Split('\n')[0].TrimEnd('\r')).Replace("|", "\\|", StringComparison.Ordinal).Trim() + (value.Contains('\n', StringComparison.Ordinal) ? " …" : string.Empty);

    private static string Outcome(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Succeeded => "✅ succeeded",
        StepOutcome.Refused => "⛔ refused",
        StepOutcome.Failed => "❌ failed",
        _ => "… running",
    };

    private static string Format(TimeSpan duration) =>
        duration.TotalMinutes >= 1
            ? $"{(int)duration.TotalMinutes} min {duration.Seconds} s"
            : $"{duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
}
