using System.CommandLine;
using DirectusSync.Cli.Options;
using DirectusSync.Cli.Running;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Sync;

namespace DirectusSync.Cli.Commands;

/// <summary><c>pull</c>: write the instance's schema, specs and system collections to the dump.</summary>
internal static class PullCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CommandRunner runner)
    {
        var options = new SyncCommandOptions();
        var command = new Command("pull", "get the schema and collections and store them locally");
        foreach (var option in (Option[])[options.DumpPath, options.CollectionsPath, options.ExcludeCollections, options.OnlyCollections,
                     options.NoCollections, options.NoSyncPolicyRoles, options.PreserveIds, options.SnapshotPath, options.NoSnapshot,
                     options.NoSplit, options.SpecsPath, options.NoSpecs])
        {
            command.Options.Add(option);
        }

        // Ours, not the reference's: listed after its options.
        command.Options.Add(options.IdMaps);
        command.Options.Add(options.ClearSystemCache);

        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, options, RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var options = context.SyncOptions(force: false, PushMode.Mirror);
        using var client = context.CreateClient();
        var result = await new DirectusSyncEngine(client, context.Log).PullAsync(options, cancellationToken).ConfigureAwait(false);
        var dump = Path.GetFullPath(options.DumpPath, context.Environment.WorkingDirectory);
        context.Log.Info(string.Empty,
            $"Pulled {result.ItemCounts.Values.Sum()} item(s) of {result.ItemCounts.Count} collection(s){(result.SnapshotWritten ? " and the schema" : string.Empty)} from Directus {result.Server.Version} to {dump}");
        return ExitCodes.Success;
    }
}
