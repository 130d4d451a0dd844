using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Cli;

/// <summary>Items the CLI tests create through REST, named with a unique suffix so tests sharing one Directus do not meet.</summary>
public sealed class CliTestData(DirectusClient client)
{
    /// <summary>The suffix of this test's names.</summary>
    public string Suffix { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>Creates a role; returns its id.</summary>
    public async Task<string> CreateRoleAsync(string name, string? description = null)
    {
        var role = await client.PostAsync("/roles", JObject.FromObject(new { name = $"{name} {Suffix}", icon = "edit", description }));
        return role!["id"]!.ToString();
    }

    /// <summary>Creates a dashboard; returns its id.</summary>
    public async Task<string> CreateDashboardAsync(string name)
    {
        var dashboard = await client.PostAsync("/dashboards", JObject.FromObject(new { name = $"{name} {Suffix}", icon = "dashboard" }));
        return dashboard!["id"]!.ToString();
    }

    /// <summary>One field of an item, read back from the instance (null when the item is gone).</summary>
    public async Task<string?> ReadFieldAsync(string endpoint, string id, string field)
    {
        try
        {
            var item = await client.GetAsync($"{endpoint}/{id}?fields={field}");
            return item?[field]?.Type == JTokenType.Null ? null : item?[field]?.ToString();
        }
        catch (DirectusApiException e) when (e.StatusCode is 403 or 404)
        {
            return null;
        }
    }

    /// <summary>True when the item exists.</summary>
    public async Task<bool> ExistsAsync(string endpoint, string id) => await ReadFieldAsync(endpoint, id, "id") is not null;

    /// <summary>Sets a field of the item named <paramref name="name"/> in a dump's collection file.</summary>
    public static void EditInDump(string dumpPath, string collection, string name, string field, JToken value)
    {
        var items = CliAssertions.ReadCollection(dumpPath, collection);
        var item = items.OfType<JObject>().Single(i => i["name"]?.ToString() == name);
        item[field] = value;
        CliAssertions.WriteCollection(dumpPath, collection, items);
    }

    /// <summary>Removes the items whose name ends with this test's suffix from a dump's collection file.</summary>
    public void RemoveOwnFromDump(string dumpPath, string collection)
    {
        var items = CliAssertions.ReadCollection(dumpPath, collection);
        CliAssertions.WriteCollection(dumpPath, collection, new JArray(items.OfType<JObject>().Where(i => i["name"]?.ToString().EndsWith(Suffix, StringComparison.Ordinal) != true)));
    }
}
