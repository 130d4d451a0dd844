using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.MSBuild.Tests.Reporting;

/// <summary>Plans built by hand, as the differ would return them.</summary>
internal static class Plans
{
    public static SyncPlan Empty { get; } = new(null, [], []);

    public static SyncPlan Of(params PlanOperation[] operations) => new(null, operations, []);

    public static SyncPlan WithSchema(SchemaChanges schema, params PlanOperation[] operations) => new(schema, operations, []);

    public static CreateItem Create(string collection, string syncId) => new(collection, syncId, new JObject { ["name"] = "n" }, false);

    public static UpdateItem Update(string collection, string syncId, JObject changes) => new(collection, syncId, "1", changes, new JObject());

    public static DeleteItem Delete(string collection, string syncId) => new(collection, syncId, "1", new JObject());

    public static SchemaChanges Schema() => new("hash", JObject.Parse("""
        {
          "collections": [ { "collection": "articles", "diff": [ { "kind": "N", "rhs": {} } ] } ],
          "fields": [
            { "collection": "articles", "field": "title", "diff": [ { "kind": "E", "path": ["meta","note"], "lhs": "a", "rhs": "b" } ] },
            { "collection": "articles", "field": "legacy", "diff": [ { "kind": "D", "lhs": {} } ] }
          ],
          "relations": []
        }
        """));
}
