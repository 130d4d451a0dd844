using System.CommandLine;
using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Options;
using DirectusSync.Cli.Output;
using DirectusSync.Cli.Running;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Seed;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Commands;

/// <summary>
/// <c>seed push</c> / <c>seed diff</c>: hand-written content for custom collections, <c>directus_users</c> and
/// <c>directus_files</c> (spec §8.1), run by the core's <see cref="SeedEngine"/>.
/// </summary>
internal static class SeedCommand
{
    /// <summary>The command group.</summary>
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("seed", "seed the custom collections, users and files with data");
        command.Subcommands.Add(Push(runner));
        command.Subcommands.Add(Diff(runner));
        return command;
    }

    private static Command Push(CommandRunner runner)
    {
        var seedPath = SeedPathOption();
        var flags = new SyncCommandOptions();
        var command = new Command("push", "push the seed data")
        {
            seedPath, flags.IdMaps, flags.MaxPushRetries, flags.ShowValues, flags.AllowDeletes, flags.DryRun, flags.Format,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, flags, async (context, token) =>
        {
            var dryRun = parse.GetValue(flags.DryRun);
            var showValues = parse.GetValue(flags.ShowValues);
            var options = Options(context, seedPath) with
            {
                MaxPushRetries = context.Config.Sync.MaxPushRetries,
                ShowValues = showValues,
                AllowDeletes = parse.GetValue(flags.AllowDeletes),
                DryRun = dryRun,
            };
            using var client = context.CreateClient();
            var result = await new SeedEngine(client, context.Log).PushAsync(options, token).ConfigureAwait(false);
            if (dryRun)
            {
                PushCommand.ReportVerdict(context, result.Verdict);
                context.Log.Info(string.Empty, result.Plan.Plan.IsEmpty ? "Dry run: nothing to push." : "Dry run: nothing was written.");
            }
            else
            {
                var counts = result.Counts.Values;
                context.Log.Info(string.Empty,
                    $"Seed pushed: {counts.Sum(c => c.Created)} created, {counts.Sum(c => c.Updated)} updated, {counts.Sum(c => c.Deleted)} deleted");
            }

            if (parse.GetValue(flags.Format) == "json")
            {
                context.Output.Out(PlanJson.ForSeed("seed push", result.Plan, dryRun, showValues, dryRun ? null : result.Counts).ToString(Formatting.Indented));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Diff(CommandRunner runner)
    {
        var seedPath = SeedPathOption();
        var flags = new SyncCommandOptions();
        var command = new Command("diff", "describe the seed data diff. Does not modify the database.") { seedPath, flags.IdMaps, flags.ShowValues, flags.Format };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, flags, async (context, token) =>
        {
            using var client = context.CreateClient();
            var showValues = parse.GetValue(flags.ShowValues);
            var options = Options(context, seedPath) with { ShowValues = showValues };
            var diff = await new SeedEngine(client, context.Log).DiffAsync(options, token).ConfigureAwait(false);
            context.Log.Info(string.Empty, diff.IsEmpty ? "No differences: a seed push would change nothing." : "A seed push would apply the changes above.");
            if (parse.GetValue(flags.Format) == "json")
            {
                context.Output.Out(PlanJson.ForSeed("seed diff", diff.Plan, dryRun: false, showValues, counts: null).ToString(Formatting.Indented));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Option<string[]> SeedPathOption() => new("--seed-path")
    {
        Description = "the base path(s) for the seed: folders or .json files (default \"./directus-config/seed\")",
        HelpName = "seedPath...",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>The seed paths: the flag's, else the config file's <c>seedPath</c>, else the default; relative to the working directory.</summary>
    private static SeedOptions Options(CommandContext context, Option<string[]> seedPath)
    {
        IReadOnlyList<string> paths = FlagLayer.Given(context.Parse, seedPath) && context.Parse.GetValue(seedPath) is { Length: > 0 } given
            ? given
            : context.Config.Values[ConfigKeys.SeedPath] switch
            {
                JValue { Type: JTokenType.String } one => [one.Value<string>()!],
                JArray many when many.Count > 0 => many.Values<string>().Select(p => p!).ToList(),
                _ => [SeedOptions.DefaultSeedPath],
            };
        var resolved = paths.Select(p => Path.GetFullPath(Path.Combine(context.Environment.WorkingDirectory, p))).ToList();
        context.Log.Debug("config", $"Seed path(s): {string.Join(", ", resolved)}");
        return new SeedOptions { SeedPaths = resolved, IdMaps = context.Config.Sync.IdMaps };
    }
}
