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
/// <c>push</c>: apply the dump to the instance through the core's <see cref="PushWorkflow"/> (plan, deletion guard
/// on every pass, verification); <c>--dry-run</c> shows the plan and what the guard would stop.
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
                     options.NoSplit, options.Force, options.MaxPushRetries, options.Mode, options.AllowDeletes, options.AllowSchemaDeletes,
                     options.DryRun, options.PrettyDiff, options.ShowValues, options.Format])
        {
            command.Options.Add(option);
        }

        // Ours, not the reference's: listed after its options.
        command.Options.Add(options.IdMaps);
        command.Options.Add(options.ClearSystemCache);

        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, options, (context, token) => RunAsync(context, options, token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, SyncCommandOptions flags, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var mode = PushModeParser.Parse(parse.GetValue(flags.Mode), "--mode");
        var json = parse.GetValue(flags.Format) == "json";
        var dryRun = parse.GetValue(flags.DryRun);
        var showValues = parse.GetValue(flags.ShowValues);
        var request = new PushRequest(context.SyncOptions(parse.GetValue(flags.Force), mode))
        {
            Consent = new DeletionConsent { Items = parse.GetValue(flags.AllowDeletes), Schema = parse.GetValue(flags.AllowSchemaDeletes) },
        };
        using var client = context.CreateClient();

        // The plan, computed once before any write: its own log lines are details of a push, the substance of a dry run.
        var planLog = dryRun ? (ISyncLog)context.Log : new DemotedSyncLog(context.Log);
        var outcome = await new PushWorkflow(new DirectusSyncEngine(client, planLog), context.Log)
            .RunAsync(request with { DryRun = true }, cancellationToken).ConfigureAwait(false);
        if (!dryRun)
        {
            try
            {
                // The plan above is the first pass: the target is not read again before the first write.
                outcome = await new PushWorkflow(new DirectusSyncEngine(client, context.Log), context.Log)
                    .RunAsync(request with { Planned = outcome.Planned }, cancellationToken).ConfigureAwait(false);
            }
            catch (DeletionRefusedException refused)
            {
                context.Log.Write(SyncLogLevel.Error, "push", refused.Message);
                ListItems(context, refused.Verdict);
                return ExitCodes.Error;
            }
        }

        if (outcome.IsDryRun)
        {
            new PlanRenderer(context.Output, showValues).Render(outcome.Planned.Plan, parse.GetValue(flags.PrettyDiff));
            ReportVerdict(context, outcome.Verdict);
            context.Log.Info(string.Empty, outcome.Planned.Plan.IsEmpty ? "Dry run: nothing to push." : "Dry run: nothing was written.");
            if (json)
            {
                context.Output.Out(PlanJson.ForDiff("push", outcome.Planned, mode, dryRun: true, showValues).ToString(Formatting.Indented));
            }

            return ExitCodes.Success;
        }

        var result = outcome.Result!;
        var counts = result.Counts.Values;
        context.Log.Info(string.Empty,
            $"Pushed: {counts.Sum(c => c.Created)} created, {counts.Sum(c => c.Updated)} updated, {counts.Sum(c => c.Deleted)} deleted{(result.SchemaApplied ? ", schema applied" : string.Empty)} ({PushModeParser.Name(mode)} mode)");
        if (json)
        {
            context.Output.Out(PlanJson.ForPush(outcome.Planned, result, mode, showValues).ToString(Formatting.Indented));
        }

        return ExitCodes.Success;
    }

    /// <summary>Says what a push would stop on (shared with diff); nothing when the guard lets it through.</summary>
    public static void ReportVerdict(CommandContext context, DeletionGuardVerdict verdict)
    {
        if (!verdict.IsRefused)
        {
            return;
        }

        context.Log.Warn("push", "A push would stop here, before writing anything; it would delete without consent:\n"
            + string.Join('\n', verdict.Describe().Select(l => "  - " + l))
            + $"\nConsent: {(verdict.Schema.Count > 0 ? "--allow-schema-deletes (collections, fields, relations) " : string.Empty)}{(verdict.Items.Count > 0 ? "--allow-deletes (items)" : string.Empty)}");
        ListItems(context, verdict);
    }

    private static void ListItems(CommandContext context, DeletionGuardVerdict verdict)
    {
        foreach (var delete in verdict.Items.SelectMany(i => i.Deletes).DistinctBy(d => (d.Collection, d.SyncId)))
        {
            var label = ItemLabel.Of(delete.Collection, delete.Item);
            context.Output.Err($"      - [{LogText.Escape(delete.Collection)}] {LogText.Escape(delete.SyncId)}{(label is null ? string.Empty : $" \"{label}\"")} (id: {LogText.Escape(delete.LocalId)})");
        }
    }
}
