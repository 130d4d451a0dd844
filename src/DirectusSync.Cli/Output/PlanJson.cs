using DirectusSync.Core.Execution;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Seed;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Output;

/// <summary>
/// The <c>--format json</c> documents: a diff's plan, and a push's plan and result. Stable camelCase shape
/// (documented in the README), one document per run on stdout. Names, not values: each step lists the fields it
/// sets; the items, changes and former values (and the schema's raw diff) only with <c>--show-values</c>, and then
/// masked by the <see cref="SecretRedactor"/>. CI copies this document into artifacts.
/// </summary>
internal static class PlanJson
{
    /// <summary>The document of <c>diff</c> and of <c>push --dry-run</c>.</summary>
    public static JObject ForDiff(string command, DiffResult diff, PushMode mode, bool dryRun, bool showValues) => new()
    {
        ["command"] = command,
        ["dryRun"] = dryRun,
        ["mode"] = ModeName(mode),
        ["server"] = Server(diff),
        ["hasChanges"] = !diff.Plan.IsEmpty,
        ["plan"] = Plan(diff.Plan, showValues),
    };

    /// <summary>The document of a push that ran.</summary>
    public static JObject ForPush(DiffResult planned, PushResult result, PushMode mode, bool showValues) => new()
    {
        ["command"] = "push",
        ["dryRun"] = false,
        ["mode"] = ModeName(mode),
        ["server"] = Server(planned),
        ["hasChanges"] = !planned.Plan.IsEmpty,
        ["plan"] = Plan(planned.Plan, showValues),
        ["result"] = new JObject
        {
            ["schemaApplied"] = result.SchemaApplied,
            ["collections"] = Counts(result.Counts),
        },
    };

    private static JArray Counts(IReadOnlyDictionary<string, PushCounts> counts) =>
        new(counts
            .Where(c => c.Value.Created + c.Value.Updated + c.Value.Deleted + c.Value.DanglingRemoved > 0)
            .Select(c => new JObject
            {
                ["collection"] = c.Key,
                ["created"] = c.Value.Created,
                ["updated"] = c.Value.Updated,
                ["deleted"] = c.Value.Deleted,
                ["danglingRemoved"] = c.Value.DanglingRemoved,
            }));

    /// <summary>
    /// The document of <c>seed diff</c> and <c>seed push</c> (with <c>--dry-run</c> or not): the seed plan, and what a
    /// push did. Items are not labelled: seed items are content, and a label (a name, a key) is a value.
    /// </summary>
    public static JObject ForSeed(string command, SeedPlan plan, bool dryRun, bool showValues, IReadOnlyDictionary<string, PushCounts>? counts)
    {
        var json = new JObject
        {
            ["command"] = command,
            ["dryRun"] = dryRun,
            ["hasChanges"] = !plan.Plan.IsEmpty,
            ["createPasses"] = plan.CreatePasses,
            ["plan"] = Plan(plan.Plan, showValues, labels: false),
        };
        if (counts is not null)
        {
            json["result"] = new JObject { ["collections"] = Counts(counts) };
        }

        return json;
    }

    /// <summary>The plan: schema changes, per-collection counts and every operation (labelled unless <paramref name="labels"/> is false).</summary>
    public static JObject Plan(SyncPlan plan, bool showValues, bool labels = true) => new()
    {
        ["schema"] = plan.Schema is null ? null : Schema(plan.Schema, showValues),
        ["collections"] = new JArray(plan.Summaries.Select(s => new JObject
        {
            ["collection"] = s.Collection,
            ["toCreate"] = s.ToCreate,
            ["toUpdate"] = s.ToUpdate,
            ["toDelete"] = s.ToDelete,
            ["dangling"] = s.Dangling,
            ["unchanged"] = s.Unchanged,
        })),
        ["operations"] = new JArray(plan.Operations.Select(o => Operation(o, showValues, labels))),
    };

    private static JObject Schema(SchemaChanges schema, bool showValues)
    {
        var json = new JObject
        {
            ["collections"] = schema.Count("collections"),
            ["fields"] = schema.Count("fields"),
            ["relations"] = schema.Count("relations"),
            ["changes"] = new JArray(SchemaEntry.All(schema.Diff).Select(e => new JObject
            {
                ["part"] = e.Part,
                ["name"] = e.Name,
                ["kind"] = e.Kind,
                ["paths"] = new JArray(e.Paths),
            })),
        };
        if (showValues)
        {
            json["diff"] = SecretRedactor.MaskValues(schema.Diff);
        }

        return json;
    }

    private static JObject Operation(PlanOperation operation, bool showValues, bool labels)
    {
        var json = new JObject
        {
            ["kind"] = operation.Kind,
            ["collection"] = operation.Collection,
            ["syncId"] = operation.SyncId,
        };
        if (labels && PlanStep.Label(operation) is { } label)
        {
            json["label"] = label;
        }

        if (PlanStep.Reason(operation) is { } reason)
        {
            json["reason"] = reason;
        }

        switch (operation)
        {
            case CreateItem create:
                json["fields"] = FieldNames(create);
                json["preserveId"] = create.PreserveId;
                if (showValues)
                {
                    json["item"] = SecretRedactor.MaskValues(create.Item);
                }

                break;
            case UpdateItem update:
                json["localId"] = update.LocalId;
                json["fields"] = FieldNames(update);
                json["deferredRelation"] = update.IsDeferredRelation;
                json["prelude"] = update.IsPrelude;
                if (update.Access is { } access)
                {
                    json["access"] = new JObject
                    {
                        ["create"] = access.Create.Count,
                        ["update"] = access.Update.Count,
                        ["delete"] = new JArray(access.Delete.Select(r => r["id"]!.DeepClone())),
                    };
                }

                if (showValues)
                {
                    json["changes"] = SecretRedactor.MaskValues(update.Changes);
                    json["before"] = SecretRedactor.MaskValues(update.Before);
                }

                break;
            case DeleteItem delete:
                json["localId"] = delete.LocalId;
                if (showValues)
                {
                    json["item"] = SecretRedactor.MaskValues(delete.Item);
                }

                break;
            case DeleteIdMap unmap:
                json["localId"] = unmap.LocalId;
                break;
            case CreateIdMap map:
                json["localId"] = map.LocalId;
                break;
            case DeleteDuplicatePermission duplicate:
                json["localId"] = duplicate.LocalId;
                json["permissionCollection"] = duplicate.PermissionCollection;
                json["action"] = duplicate.Action;
                break;
            case ReleaseOperationLink release:
                json["localId"] = release.LocalId;
                json["field"] = release.Field;
                json["releasedFor"] = release.ReleasedFor;
                break;
        }

        return json;
    }

    private static JArray FieldNames(PlanOperation operation) =>
        new(PlanStep.Fields(operation, showValues: false).Select(f => f.Field));

    private static JObject Server(DiffResult diff) => new()
    {
        ["version"] = diff.Server.Version.Text,
        ["project"] = diff.Server.ProjectName,
    };

    private static string ModeName(PushMode mode) => mode.ToString().ToLowerInvariant();
}
