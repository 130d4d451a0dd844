using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Upgrade.Tests.Support;

/// <summary>Plans for the fake server's diffs: none, or a schema change (a new collection).</summary>
public static class Drift
{
    /// <summary>Nothing to push.</summary>
    public static SyncPlan None => new(null, [], []);

    /// <summary>The collection <paramref name="collection"/> would be created.</summary>
    public static SyncPlan NewCollection(string collection = "articles") =>
        new(new SchemaChanges("hash", new JObject { ["collections"] = new JArray(new JObject { ["collection"] = collection, ["diff"] = new JArray(new JObject { ["kind"] = "N" }) }) }), [], []);
}
