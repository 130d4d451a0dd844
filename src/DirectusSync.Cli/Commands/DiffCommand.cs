using System.CommandLine;
using DirectusSync.Cli.Options;
using DirectusSync.Cli.Output;
using DirectusSync.Cli.Running;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json;

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
                     options.Force, options.PrettyDiff, options.Format, options.ExitCode])
        {
            command.Options.Add(option);
        }

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

        if (diff.Plan.Schema is { } schema && !parse.GetValue(flags.PrettyDiff))
        {
            context.Log.Debug("snapshot", "Diff " + schema.Diff.ToString(Formatting.None));
        }

        new PlanRenderer(context.Output).Render(diff.Plan, parse.GetValue(flags.PrettyDiff));
        PushCommand.ReportVerdict(context, outcome.Verdict);
        context.Log.Info(string.Empty, diff.Plan.IsEmpty ? "No differences: a push would change nothing." : "A push would apply the changes above.");
        if (parse.GetValue(flags.Format) == "json")
        {
            context.Output.Out(PlanJson.ForDiff("diff", diff, PushMode.Mirror, dryRun: false).ToString(Formatting.Indented));
        }

        // Drift is a schema or item change (the rule of every front end); id-map housekeeping alone is not.
        return parse.GetValue(flags.ExitCode) && diff.Plan.HasDrift ? ExitCodes.Drift : ExitCodes.Success;
    }
}
