using System.CommandLine;
using DirectusSync.Cli.Running;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Commands;

/// <summary>
/// <c>helpers remove-permission-duplicates [--keep first|last]</c>: delete, server side, the permissions that repeat a
/// (policy, collection, action) group.
/// </summary>
internal static class RemovePermissionDuplicatesCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CommandRunner runner)
    {
        var keep = new Option<string>("--keep")
        {
            Description = "the permission to keep in case of conflict: \"first\" or \"last\" (default \"last\")",
            HelpName = "keep",
            DefaultValueFactory = _ => "last",
        };
        keep.AcceptOnlyFromAmong("first", "last");
        var command = new Command("remove-permission-duplicates",
            "remove conflicts in permissions when there are duplicated groups \"policy + collection + action\".") { keep };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, null,
            (context, token) => RunAsync(context, parse.GetValue(keep) != "first", token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, bool keepLast, CancellationToken cancellationToken)
    {
        using var client = context.CreateClient();
        var idMaps = new IdMapClient(client);
        await idMaps.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var answer = await idMaps.RemovePermissionDuplicatesAsync(keepLast, cancellationToken).ConfigureAwait(false);
        var groups = answer?["deletedPermissions"] as JArray ?? [];
        foreach (var group in groups)
        {
            var policy = group["policy"] is { Type: not JTokenType.Null } p ? p.ToString() : "null";
            context.Log.Info("helpers-client",
                $"Deleted {(group["ids"] as JArray)?.Count ?? 0} duplicated permissions for policy {policy}, collection {group["collection"]}, action {group["action"]}");
        }

        context.Log.Info("helpers-client", groups.Count == 0 ? "No duplicated permissions found" : $"Removed duplicates in {groups.Count} group(s), keeping the {(keepLast ? "last" : "first")} of each");
        return ExitCodes.Success;
    }
}
