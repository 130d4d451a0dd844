using System.CommandLine;
using DirectusSync.Cli.Options;
using DirectusSync.Cli.Output;
using DirectusSync.Cli.Running;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json;

namespace DirectusSync.Cli.Commands;

/// <summary>
/// <c>push</c>: apply the dump to the instance. Before anything is written, the plan is computed once and checked
/// by the <see cref="DeletionGuard"/>; <c>--dry-run</c> stops there.
/// </summary>
internal static class PushCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CommandRunner runner)
    {
        var options = new SyncCommandOptions();
        var command = new Command("push", "push the schema and collections");
        foreach (var option in (Option[])[options.DumpPath, options.CollectionsPath, options.ExcludeCollections, options.OnlyCollections,
                     options.NoCollections, options.NoSyncPolicyRoles, options.PreserveIds, options.SnapshotPath, options.NoSnapshot,
                     options.NoSplit, options.Force, options.MaxPushRetries, options.Mode, options.AllowDeletes, options.DryRun,
                     options.PrettyDiff, options.ShowValues, options.Format])
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, options, (context, token) => RunAsync(context, options, token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, SyncCommandOptions flags, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var mode = parse.GetValue(flags.Mode) switch
        {
            "add" => PushMode.Add,
            "merge" => PushMode.Merge,
            _ => PushMode.Mirror,
        };
        var json = parse.GetValue(flags.Format) == "json";
        var dryRun = parse.GetValue(flags.DryRun);
        var showValues = parse.GetValue(flags.ShowValues);
        var options = context.SyncOptions(parse.GetValue(flags.Force), mode);
        using var client = context.CreateClient();

        // The plan, computed once before any write: shown by --dry-run, checked by the deletion guard.
        var planLog = dryRun ? (ISyncLog)context.Log : new DemotedSyncLog(context.Log);
        var planned = await new DirectusSyncEngine(client, planLog).DiffAsync(options, cancellationToken).ConfigureAwait(false);
        var violations = mode == PushMode.Mirror && !parse.GetValue(flags.AllowDeletes) ? DeletionGuard.Check(planned) : [];

        if (dryRun)
        {
            new PlanRenderer(context.Output, showValues).Render(planned.Plan, parse.GetValue(flags.PrettyDiff));
            ReportViolations(context, violations, SyncLogLevel.Warning, "A push would stop here");
            context.Log.Info(string.Empty, planned.Plan.IsEmpty ? "Dry run: nothing to push." : "Dry run: nothing was written.");
            if (json)
            {
                context.Output.Out(PlanJson.ForDiff("push", planned, mode, dryRun: true, showValues).ToString(Formatting.Indented));
            }

            return ExitCodes.Success;
        }

        if (violations.Count > 0)
        {
            ReportViolations(context, violations, SyncLogLevel.Error, "Push stopped, nothing was written");
            return ExitCodes.Error;
        }

        // The plan above is the first pass: the target is not read again before the first write.
        var result = await new DirectusSyncEngine(client, context.Log).PushAsync(options, planned, cancellationToken).ConfigureAwait(false);
        var counts = result.Counts.Values;
        context.Log.Info(string.Empty,
            $"Pushed: {counts.Sum(c => c.Created)} created, {counts.Sum(c => c.Updated)} updated, {counts.Sum(c => c.Deleted)} deleted{(result.SchemaApplied ? ", schema applied" : string.Empty)} ({mode.ToString().ToLowerInvariant()} mode)");
        if (json)
        {
            context.Output.Out(PlanJson.ForPush(planned, result, mode, showValues).ToString(Formatting.Indented));
        }

        return ExitCodes.Success;
    }

    private static void ReportViolations(CommandContext context, IReadOnlyList<DeletionGuardViolation> violations, SyncLogLevel level, string verdict)
    {
        foreach (var violation in violations)
        {
            context.Log.Write(level, violation.Collection,
                $"{verdict}: the push would delete {violation.Deletes.Count} of {violation.Tracked} tracked item(s), more than a quarter. "
                + "Check the dump (a missing or emptied file deletes everything), or pass --allow-deletes. It would delete:");
            foreach (var delete in violation.Deletes)
            {
                var label = ItemLabel.Of(delete.Collection, delete.Item);
                context.Output.Err($"      - {LogText.Escape(delete.SyncId)}{(label is null ? string.Empty : $" \"{label}\"")} (id: {LogText.Escape(delete.LocalId)})");
            }
        }
    }
}
