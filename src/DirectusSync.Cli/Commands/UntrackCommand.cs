using System.CommandLine;
using DirectusSync.Cli.Running;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Model;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;

namespace DirectusSync.Cli.Commands;

/// <summary><c>helpers untrack --collection c --id id</c>: delete one id map (not the item).</summary>
internal static class UntrackCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CommandRunner runner)
    {
        var collection = new Option<string>("--collection") { Description = "the collection of the element (short name: roles, flows, …)", HelpName = "collection", Required = true };
        var id = new Option<string>("--id") { Description = "the id of the element to untrack", HelpName = "id", Required = true };
        var command = new Command("untrack", "stop tracking of an element") { collection, id };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, null,
            (context, token) => RunAsync(context, parse.GetValue(collection)!, parse.GetValue(id)!, token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, string collection, string id, CancellationToken cancellationToken)
    {
        // The reference's docs use directus_roles, which the id map never holds: the delete would silently do nothing.
        if (collection.StartsWith("directus_", StringComparison.Ordinal) && SystemCollections.Find(collection["directus_".Length..]) is not null)
        {
            throw new SyncOptionsException("--collection",
                $"--collection {collection}: the id map uses short names; use --collection {collection["directus_".Length..]}.");
        }

        using var client = context.CreateClient();
        var idMaps = new IdMapClient(client);
        await idMaps.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        await idMaps.DeleteByLocalIdAsync(collection, id, cancellationToken).ConfigureAwait(false);
        context.Log.Info("helpers-client", $"Untracked {collection} {id}");
        return ExitCodes.Success;
    }
}
