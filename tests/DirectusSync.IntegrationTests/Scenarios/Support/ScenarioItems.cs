using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios.Support;

/// <summary>The local ids of one item in each tracked collection, created through REST by <see cref="ScenarioItems"/>.</summary>
/// <param name="Suffix">What makes the names unique on a shared instance.</param>
/// <param name="Ids">Local id by collection short name (settings excluded: it is changed in place).</param>
public sealed record SystemItems(string Suffix, IReadOnlyDictionary<string, string> Ids)
{
    /// <summary>The local id of the item in <paramref name="collection"/>.</summary>
    public string this[string collection] => Ids[collection];

    /// <summary>The role's name.</summary>
    public string RoleName => $"Role {Suffix}";

    /// <summary>The policy's name.</summary>
    public string PolicyName => $"Policy {Suffix}";

    /// <summary>The flow's name.</summary>
    public string FlowName => $"Flow {Suffix}";

    /// <summary>The folder's name.</summary>
    public string FolderName => $"Folder {Suffix}";

    /// <summary>The dashboard's name.</summary>
    public string DashboardName => $"Dashboard {Suffix}";

    /// <summary>The settings' project name.</summary>
    public string ProjectName => $"Project {Suffix}";
}

/// <summary>
/// Our version of the reference e2e helper <c>createOneItemInEachSystemCollection</c>: through REST, in its
/// order, one dashboard, flow, folder, operation of the flow, panel of the dashboard, role, policy attached to
/// the role (sort 1), permission (<c>directus_dashboards.update</c>) of the policy, global preset, settings
/// change (<c>public_registration_role</c> = the role) and translation, then the flow's first operation.
/// Names carry a suffix, values are fixed (the reference draws them with faker).
/// </summary>
public static class ScenarioItems
{
    /// <summary>The ten collections that hold custom items (all but settings), in the reference's order.</summary>
    public static readonly IReadOnlyList<string> CustomCollections =
        ["folders", "translations", "flows", "operations", "roles", "policies", "permissions", "dashboards", "panels", "presets"];

    /// <summary>The six collections that <c>--preserve-ids</c> may name.</summary>
    public static readonly IReadOnlyList<string> OptionallyPreserved =
        ["dashboards", "operations", "panels", "policies", "roles", "translations"];

    /// <summary>Creates the items; returns their local ids.</summary>
    public static async Task<SystemItems> CreateOneInEachCollectionAsync(DirectusClient client, string suffix)
    {
        var ids = new Dictionary<string, string>();
        ids["dashboards"] = await CreateAsync(client, "/dashboards", new JObject
        {
            ["name"] = $"Dashboard {suffix}", ["icon"] = "dashboard", ["note"] = "The e2e dashboard", ["color"] = "#2ECDA7",
        });
        ids["flows"] = await CreateAsync(client, "/flows", new JObject
        {
            ["name"] = $"Flow {suffix}", ["icon"] = "bolt", ["color"] = "#FFA439", ["description"] = "Logs on demand",
            ["status"] = "active", ["trigger"] = "manual", ["accountability"] = "all",
            ["options"] = new JObject { ["collections"] = new JArray("directus_dashboards"), ["requireConfirmation"] = false },
        });
        ids["folders"] = await CreateAsync(client, "/folders", new JObject { ["name"] = $"Folder {suffix}" });
        ids["operations"] = await CreateAsync(client, "/operations", new JObject
        {
            ["flow"] = ids["flows"], ["name"] = "Log it", ["key"] = $"log_{suffix}", ["type"] = "log",
            ["position_x"] = 19, ["position_y"] = 1, ["options"] = new JObject { ["message"] = $"Hello {suffix}" },
        });
        ids["panels"] = await CreateAsync(client, "/panels", new JObject
        {
            ["dashboard"] = ids["dashboards"], ["name"] = $"Panel {suffix}", ["icon"] = "title", ["color"] = "#3399FF",
            ["show_header"] = true, ["note"] = "A label", ["type"] = "label",
            ["position_x"] = 1, ["position_y"] = 1, ["width"] = 10, ["height"] = 6,
            ["options"] = new JObject { ["text"] = $"Label {suffix}" },
        });
        ids["roles"] = await CreateAsync(client, "/roles", new JObject
        {
            ["name"] = $"Role {suffix}", ["icon"] = "supervised_user_circle", ["description"] = "The e2e role",
        });
        ids["policies"] = await CreateAsync(client, "/policies", new JObject
        {
            ["name"] = $"Policy {suffix}", ["icon"] = "badge", ["description"] = "The e2e policy",
            ["admin_access"] = false, ["app_access"] = true,
            ["roles"] = new JArray(new JObject { ["role"] = ids["roles"], ["sort"] = 1 }),
        });
        ids["permissions"] = await CreateAsync(client, "/permissions", new JObject
        {
            ["policy"] = ids["policies"], ["collection"] = "directus_dashboards", ["action"] = "update",
            ["fields"] = new JArray("*"), ["permissions"] = new JObject(), ["validation"] = new JObject(),
        });
        ids["presets"] = await CreateAsync(client, "/presets", new JObject
        {
            ["bookmark"] = $"Bookmark {suffix}", ["collection"] = "directus_dashboards", ["layout"] = "tabular",
            ["user"] = null, ["role"] = null, ["icon"] = "bookmark", ["color"] = "#A2B5CD",
        });
        await client.PatchAsync("/settings", new JObject
        {
            ["project_name"] = $"Project {suffix}", ["public_registration_role"] = ids["roles"], ["storage_default_folder"] = null,
        });
        ids["translations"] = await CreateAsync(client, "/translations", new JObject
        {
            ["key"] = $"greeting_{suffix}", ["language"] = "fr-FR", ["value"] = "Bonjour",
        });
        await client.PatchAsync($"/flows/{ids["flows"]}", new JObject { ["operation"] = ids["operations"] });
        return new SystemItems(suffix, ids);
    }

    /// <summary>Creates one item and returns its id.</summary>
    public static async Task<string> CreateAsync(DirectusClient client, string endpoint, JObject item) =>
        (await client.PostAsync(endpoint, item))!["id"]!.ToString();

    /// <summary>Deletes the items (not settings) through REST, dependants first; cascades do the rest.</summary>
    public static async Task DeleteAsync(DirectusClient client, SystemItems items)
    {
        foreach (var collection in new[] { "presets", "panels", "dashboards", "permissions", "policies", "roles", "operations", "flows", "translations", "folders" })
        {
            await client.DeleteAsync($"/{collection}/{items[collection]}");
        }
    }
}
