using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Workflow;

/// <summary>
/// A user collection of a test's own holding content rows (title and body), and the edits of a pulled dump's
/// snapshot that would drop it or one of its fields.
/// </summary>
internal sealed class GuardedCollection(DirectusClient client, string name)
{
    /// <summary>The collection's name.</summary>
    public string Name { get; } = name;

    /// <summary>Creates <c>guard_SUFFIX</c> with <paramref name="rows"/> rows.</summary>
    public static async Task<GuardedCollection> CreateAsync(DirectusClient client, int rows)
    {
        var collection = new GuardedCollection(client, $"guard_{SampleConfiguration.NewSuffix().ToLowerInvariant()}");
        await client.PostAsync("/collections", new JObject
        {
            ["collection"] = collection.Name,
            ["meta"] = new JObject { ["icon"] = "article" },
            ["schema"] = new JObject(),
            ["fields"] = new JArray(
                new JObject { ["field"] = "id", ["type"] = "integer", ["meta"] = new JObject { ["hidden"] = true }, ["schema"] = new JObject { ["is_primary_key"] = true, ["has_auto_increment"] = true } },
                new JObject { ["field"] = "title", ["type"] = "string", ["meta"] = new JObject { ["interface"] = "input" }, ["schema"] = new JObject() },
                new JObject { ["field"] = "body", ["type"] = "text", ["meta"] = new JObject { ["interface"] = "input-multiline" }, ["schema"] = new JObject() }),
        });
        for (var i = 0; i < rows; i++)
        {
            await client.PostAsync($"/items/{collection.Name}", new JObject { ["title"] = $"Row {i}", ["body"] = $"Content {i}" });
        }

        return collection;
    }

    /// <summary>How many rows the collection holds, or null when it is gone.</summary>
    public async Task<int?> RowsAsync()
    {
        try
        {
            return (await client.GetAsync($"/items/{Name}?fields=id&limit=-1"))!.Count();
        }
        catch (DirectusApiException)
        {
            return null;
        }
    }

    /// <summary>True when the field is still in the collection.</summary>
    public async Task<bool> HasFieldAsync(string field)
    {
        var fields = await client.GetAsync($"/fields/{Name}");
        return fields!.Any(f => f["field"]!.ToString() == field);
    }

    /// <summary>Removes the collection (and its fields) from a split snapshot in <paramref name="dumpPath"/>.</summary>
    public void RemoveFromSnapshot(string dumpPath)
    {
        var snapshot = Path.Combine(dumpPath, "snapshot");
        File.Delete(Path.Combine(snapshot, "collections", $"{Name}.json"));
        Directory.Delete(Path.Combine(snapshot, "fields", Name), recursive: true);
    }

    /// <summary>Removes one field from a split snapshot in <paramref name="dumpPath"/>.</summary>
    public void RemoveFieldFromSnapshot(string dumpPath, string field) =>
        File.Delete(Path.Combine(dumpPath, "snapshot", "fields", Name, $"{field}.json"));
}
