using DirectusSync.Core.Execution;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Output;

/// <summary>
/// The <c>--format json</c> documents: a diff's plan, and a push's plan and result. Stable camelCase shape
/// (documented in the README), one document per run on stdout.
/// </summary>
internal static class PlanJson
{
    /// <summary>The document of <c>diff</c> and of <c>push --dry-run</c>.</summary>
    public static JObject ForDiff(string command, DiffResult diff, PushMode mode, bool dryRun) => new()
    {
        ["command"] = command,
        ["dryRun"] = dryRun,
        ["mode"] = ModeName(mode),
        ["server"] = Server(diff),
        ["hasChanges"] = !diff.Plan.IsEmpty,
        ["plan"] = Plan(diff.Plan),
    };

    /// <summary>The document of a push that ran.</summary>
    public static JObject ForPush(DiffResult planned, PushResult result, PushMode mode) => new()
    {
        ["command"] = "push",
        ["dryRun"] = false,
        ["mode"] = ModeName(mode),
        ["server"] = Server(planned),
        ["hasChanges"] = !planned.Plan.IsEmpty,
        ["plan"] = Plan(planned.Plan),
        ["result"] = new JObject
        {
            ["schemaApplied"] = result.SchemaApplied,
            ["collections"] = new JArray(result.Counts
                .Where(c => c.Value.Created + c.Value.Updated + c.Value.Deleted + c.Value.DanglingRemoved > 0)
                .Select(c => new JObject
                {
                    ["collection"] = c.Key,
                    ["created"] = c.Value.Created,
                    ["updated"] = c.Value.Updated,
                    ["deleted"] = c.Value.Deleted,
                    ["danglingRemoved"] = c.Value.DanglingRemoved,
                })),
        },
    };

    /// <summary>The plan: schema changes, per-collection counts and every operation.</summary>
    public static JObject Plan(SyncPlan plan) => new()
    {
        ["schema"] = plan.Schema is null
            ? null
            : new JObject
            {
                ["collections"] = plan.Schema.Count("collections"),
                ["fields"] = plan.Schema.Count("fields"),
                ["relations"] = plan.Schema.Count("relations"),
                ["diff"] = plan.Schema.Diff.DeepClone(),
            },
        ["collections"] = new JArray(plan.Summaries.Select(s => new JObject
        {
            ["collection"] = s.Collection,
            ["toCreate"] = s.ToCreate,
            ["toUpdate"] = s.ToUpdate,
            ["toDelete"] = s.ToDelete,
            ["dangling"] = s.Dangling,
            ["unchanged"] = s.Unchanged,
        })),
        ["operations"] = new JArray(plan.Operations.Select(Operation)),
    };

    private static JObject Operation(PlanOperation operation)
    {
        var json = new JObject
        {
            ["kind"] = operation.Kind,
            ["collection"] = operation.Collection,
            ["syncId"] = operation.SyncId,
        };
        switch (operation)
        {
            case CreateItem create:
                json["item"] = create.Item.DeepClone();
                json["preserveId"] = create.PreserveId;
                break;
            case UpdateItem update:
                json["localId"] = update.LocalId;
                json["changes"] = update.Changes.DeepClone();
                json["before"] = update.Before.DeepClone();
                json["deferredRelation"] = update.IsDeferredRelation;
                break;
            case DeleteItem delete:
                json["localId"] = delete.LocalId;
                json["item"] = delete.Item.DeepClone();
                break;
            case DeleteIdMap unmap:
                json["localId"] = unmap.LocalId;
                break;
            case CreateIdMap map:
                json["localId"] = map.LocalId;
                json["reason"] = map.Reason;
                break;
        }

        return json;
    }

    private static JObject Server(DiffResult diff) => new()
    {
        ["version"] = diff.Server.Version.Text,
        ["project"] = diff.Server.ProjectName,
    };

    private static string ModeName(PushMode mode) => mode.ToString().ToLowerInvariant();
}
