using System.CommandLine;
using DirectusSync.Cli.Options;
using DirectusSync.Cli.Output;
using DirectusSync.Cli.Running;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Commands;

/// <summary><c>diff</c>: show what a push would change and what the deletion guard would stop (a dry run of the push workflow); writes nothing.</summary>
internal static class DiffCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CommandRunner runner)
    {
        var options = new SyncCommandOptions();
        var command = new Command("diff", "describe the schema and collections diff. Does not modify the database.");
        foreach (var option in (Option[])[options.DumpPath, options.CollectionsPath, options.ExcludeCollections, options.OnlyCollections,
                     options.NoCollections, options.NoSyncPolicyRoles, options.SnapshotPath, options.NoSnapshot, options.NoSplit,
                     options.Force, options.PrettyDiff, options.ShowValues, options.Format, options.ExitCode])
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
        var request = new PushRequest(context.SyncOptions(parse.GetValue(flags.Force), PushMode.Mirror)) { DryRun = true };
        using var client = context.CreateClient();
        var outcome = await new PushWorkflow(new DirectusSyncEngine(client, context.Log), context.Log).RunAsync(request, cancellationToken).ConfigureAwait(false);
        var diff = outcome.Planned;

        // As the reference logs it: the human text as one info entry with --pretty-diff, else the raw diff at
        // debug, "Diff" on its own line and the object under it as pino-pretty prints it. Values only with
        // --show-values (and masked even then); by default the entries are named.
        var showValues = parse.GetValue(flags.ShowValues);
        if (diff.Plan.Schema is { Total: > 0 } schema)
        {
            if (parse.GetValue(flags.PrettyDiff))
            {
                context.Log.Info("snapshot", SchemaDiffFormatter.Format(schema.Diff, context.Output.Colors, showValues));
            }
            else
            {
                context.Log.Debug("snapshot", showValues
                    ? PinoObject.Format("Diff", (JObject)SecretRedactor.MaskValues(schema.Diff))
                    : "Diff " + string.Join("; ", SchemaEntry.All(schema.Diff)));
            }
        }

        new PlanRenderer(context.Output, showValues).Render(diff.Plan, prettySchema: false);
        PushCommand.ReportVerdict(context, outcome.Verdict);
        context.Log.Info(string.Empty, diff.Plan.IsEmpty ? "No differences: a push would change nothing." : "A push would apply the changes above.");
        if (parse.GetValue(flags.Format) == "json")
        {
            context.Output.Out(PlanJson.ForDiff("diff", diff, PushMode.Mirror, dryRun: false, showValues).ToString(Formatting.Indented));
        }

        // Drift is a schema or item change (the rule of every front end); id-map housekeeping alone is not.
        return parse.GetValue(flags.ExitCode) && diff.Plan.HasDrift ? ExitCodes.Drift : ExitCodes.Success;
    }
}
