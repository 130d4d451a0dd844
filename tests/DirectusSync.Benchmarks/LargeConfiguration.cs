using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Benchmarks;

/// <summary>
/// Loads a large configuration through REST (at scale 1: 100 collections with 1,500 fields, 50 roles and
/// policies with 1,000 permissions, 100 flows with 400 operations, 50 dashboards with 500 panels, 200
/// translations, 50 presets, 20 folders). Batched where Directus takes arrays.
/// </summary>
public sealed class LargeConfiguration(DirectusClient client, double scale)
{
    private static readonly string[] Actions = ["create", "read", "update", "delete"];

    private int Count(int full) => Math.Max(1, (int)Math.Round(full * scale));

    /// <summary>Creates everything; returns the number of items created (schema excluded).</summary>
    public async Task<int> LoadAsync()
    {
        var collections = new List<string>();
        for (var c = 0; c < Count(100); c++)
        {
            var name = $"bench_{c:D3}";
            collections.Add(name);
            var fields = new JArray(new JObject
            {
                ["field"] = "id", ["type"] = "integer",
                ["meta"] = new JObject { ["hidden"] = true },
                ["schema"] = new JObject { ["is_primary_key"] = true, ["has_auto_increment"] = true },
            });
            for (var f = 1; f < 15; f++)
            {
                fields.Add(new JObject
                {
                    ["field"] = $"field_{f:D2}",
                    ["type"] = f % 3 == 0 ? "integer" : "string",
                    ["meta"] = new JObject { ["interface"] = "input", ["note"] = $"Field {f} of {name}" },
                    ["schema"] = new JObject(),
                });
            }

            await client.PostAsync("/collections", new JObject { ["collection"] = name, ["meta"] = new JObject { ["icon"] = "box" }, ["schema"] = new JObject(), ["fields"] = fields });
        }

        var items = 0;
        var roles = Ids(Count(50));
        await client.PostAsync("/roles", new JArray(roles.Select((id, i) => new JObject { ["id"] = id, ["name"] = $"Role {i}", ["icon"] = "person" })));
        var policies = Ids(Count(50));
        await client.PostAsync("/policies", new JArray(policies.Select((id, i) => new JObject
        {
            ["id"] = id, ["name"] = $"Policy {i}", ["icon"] = "badge", ["app_access"] = true,
            ["roles"] = new JArray(new JObject { ["role"] = roles[i % roles.Count], ["sort"] = 1 }),
        })));
        items += roles.Count + policies.Count;

        var permissions = new JArray();
        for (var p = 0; p < Count(1000); p++)
        {
            permissions.Add(new JObject
            {
                ["policy"] = policies[p % policies.Count],
                ["collection"] = collections[(p / policies.Count / Actions.Length) % collections.Count],
                ["action"] = Actions[(p / policies.Count) % Actions.Length],
                ["fields"] = new JArray("*"),
            });
        }

        foreach (var chunk in permissions.Chunk(250))
        {
            await client.PostAsync("/permissions", new JArray(chunk));
        }

        items += permissions.Count;

        var flows = Ids(Count(100));
        await client.PostAsync("/flows", new JArray(flows.Select((id, i) => new JObject
        {
            ["id"] = id, ["name"] = $"Flow {i}", ["icon"] = "bolt", ["status"] = "inactive", ["trigger"] = "manual",
            ["accountability"] = "all", ["options"] = new JObject { ["collections"] = new JArray(collections[i % collections.Count]) },
        })));
        var operations = new JArray();
        var firstOperations = new List<string>();
        foreach (var flow in flows)
        {
            // Created last-first so that each resolve target already exists.
            string? next = null;
            var chain = new List<JObject>();
            for (var o = 3; o >= 0; o--)
            {
                var id = Guid.NewGuid().ToString();
                chain.Add(new JObject
                {
                    ["id"] = id, ["flow"] = flow, ["name"] = $"Step {o}", ["key"] = $"step_{o}", ["type"] = "log",
                    ["position_x"] = 19 + o * 18, ["position_y"] = 1, ["options"] = new JObject { ["message"] = $"step {o}" },
                    ["resolve"] = next,
                });
                next = id;
            }

            firstOperations.Add(next!);
            foreach (var operation in chain)
            {
                operations.Add(operation);
            }
        }

        foreach (var chunk in operations.Chunk(200))
        {
            await client.PostAsync("/operations", new JArray(chunk));
        }

        await Task.WhenAll(flows.Select((flow, i) => client.PatchAsync($"/flows/{flow}", new JObject { ["operation"] = firstOperations[i] })));
        items += flows.Count + operations.Count;

        var dashboards = Ids(Count(50));
        await client.PostAsync("/dashboards", new JArray(dashboards.Select((id, i) => new JObject { ["id"] = id, ["name"] = $"Dashboard {i}", ["icon"] = "dashboard" })));
        var panels = new JArray();
        for (var p = 0; p < Count(500); p++)
        {
            panels.Add(new JObject
            {
                ["dashboard"] = dashboards[p % dashboards.Count], ["name"] = $"Panel {p}", ["type"] = "label",
                ["position_x"] = 1 + p % 10, ["position_y"] = 1, ["width"] = 6, ["height"] = 4, ["options"] = new JObject { ["text"] = $"Panel {p}" },
            });
        }

        await client.PostAsync("/panels", panels);
        items += dashboards.Count + panels.Count;

        await client.PostAsync("/translations", new JArray(Enumerable.Range(0, Count(200)).Select(i => new JObject { ["key"] = $"key_{i}", ["language"] = "en-US", ["value"] = $"Value {i}" })));
        await client.PostAsync("/presets", new JArray(Enumerable.Range(0, Count(50)).Select(i => new JObject
        {
            ["bookmark"] = $"Bookmark {i}", ["collection"] = collections[i % collections.Count], ["role"] = roles[i % roles.Count], ["layout"] = "tabular",
        })));
        await client.PostAsync("/folders", new JArray(Enumerable.Range(0, Count(20)).Select(i => new JObject { ["name"] = $"Folder {i}" })));
        items += Count(200) + Count(50) + Count(20);
        return items;
    }

    private static List<string> Ids(int count) => Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString()).ToList();
}
