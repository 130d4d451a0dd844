using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Workflow;

/// <summary>Plans, target states and schema diffs for the workflow's specifications.</summary>
internal static class PlanBuilder
{
    /// <summary>A target tracking <paramref name="tracked"/> items per collection.</summary>
    public static LiveState Live(Dictionary<string, int> tracked) =>
        new(tracked.ToDictionary(
                t => t.Key,
                t => new LiveCollection(SystemCollections.Get(t.Key), [], Enumerable.Range(0, t.Value).Select(i => new IdMap(i, t.Key, $"s{i}", $"{i}")).ToList())),
            new PlaceholderTargets(null, null, null, null));

    /// <summary><paramref name="count"/> deletions in <paramref name="collection"/>.</summary>
    public static IEnumerable<PlanOperation> Deletes(string collection, int count, int first = 0) =>
        Enumerable.Range(first, count).Select(i => new DeleteItem(collection, $"s{i}", $"{i}", new JObject { ["name"] = $"item {i}" }));

    /// <summary>A plan of <paramref name="operations"/> with summaries counting creates and unchanged items.</summary>
    public static SyncPlan PlanOf(IEnumerable<PlanOperation> operations, SchemaChanges? schema = null, int unchanged = 0, int creates = 0) =>
        new(schema, operations.ToList(), [new CollectionSummary("roles", 0, creates, 0, 0, unchanged)]);

    /// <summary>The plan and the target as a diff.</summary>
    public static DiffResult Diff(SyncPlan plan, LiveState? live = null) =>
        new(new ServerInfo(DirectusVersion.Parse("11.17.4"), null), plan, live ?? Live([]));

    /// <summary>A schema diff (as Directus answers /schema/diff) with these entries.</summary>
    public static SchemaChanges Schema(string hash = "h1", JObject[]? collections = null, JObject[]? fields = null, JObject[]? relations = null) =>
        new(hash, new JObject
        {
            ["collections"] = new JArray(collections ?? []),
            ["fields"] = new JArray(fields ?? []),
            ["relations"] = new JArray(relations ?? []),
        });

    /// <summary>A collection the snapshot lacks (with a table unless <paramref name="folder"/>).</summary>
    public static JObject DroppedCollection(string name, bool folder = false) => new()
    {
        ["collection"] = name,
        ["diff"] = new JArray(new JObject
        {
            ["kind"] = "D",
            ["lhs"] = new JObject { ["collection"] = name, ["meta"] = new JObject(), ["schema"] = folder ? JValue.CreateNull() : new JObject { ["name"] = name } },
        }),
    };

    /// <summary>A field the snapshot lacks.</summary>
    public static JObject DroppedField(string collection, string field) => new()
    {
        ["collection"] = collection,
        ["field"] = field,
        ["diff"] = new JArray(new JObject { ["kind"] = "D", ["lhs"] = new JObject { ["collection"] = collection, ["field"] = field } }),
    };

    /// <summary>A relation the snapshot lacks.</summary>
    public static JObject DroppedRelation(string collection, string field, string related) => new()
    {
        ["collection"] = collection,
        ["field"] = field,
        ["related_collection"] = related,
        ["diff"] = new JArray(new JObject { ["kind"] = "D", ["lhs"] = new JObject { ["collection"] = collection, ["field"] = field } }),
    };

    /// <summary>A change inside a field (its note edited, a property removed): not a deletion of the field.</summary>
    public static JObject EditedField(string collection, string field) => new()
    {
        ["collection"] = collection,
        ["field"] = field,
        ["diff"] = new JArray(
            new JObject { ["kind"] = "E", ["path"] = new JArray("meta", "note"), ["lhs"] = "a", ["rhs"] = "b" },
            new JObject { ["kind"] = "D", ["path"] = new JArray("meta", "options"), ["lhs"] = new JObject() }),
    };
}
