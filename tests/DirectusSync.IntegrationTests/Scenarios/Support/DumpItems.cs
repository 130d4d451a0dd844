using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios.Support;

/// <summary>
/// Items written by hand in dump form (relations hold sync ids, <c>_syncId</c> last), for fixtures that add
/// to a pulled dump what the target does not have yet.
/// </summary>
public static class DumpItems
{
    /// <summary>A sync id, or JSON null (not a string token without value, which the dump writer rejects).</summary>
    public static JToken Id(string? syncId) => syncId is null ? JValue.CreateNull() : new JValue(syncId);

    /// <summary>A new sync id.</summary>
    public static string NewSyncId() => Guid.NewGuid().ToString();

    /// <summary>A dashboard.</summary>
    public static JObject Dashboard(string syncId, string name) => new()
    {
        ["name"] = name, ["icon"] = "dashboard", ["note"] = null, ["color"] = null, ["_syncId"] = syncId,
    };

    /// <summary>A manual flow; <paramref name="operation"/> is its first operation's sync id.</summary>
    public static JObject Flow(string syncId, string name, string? operation) => new()
    {
        ["name"] = name, ["icon"] = "bolt", ["color"] = null, ["description"] = null, ["status"] = "active",
        ["trigger"] = "manual", ["accountability"] = "all",
        ["options"] = new JObject { ["collections"] = new JArray("directus_dashboards") },
        ["operation"] = Id(operation), ["_syncId"] = syncId,
    };

    /// <summary>A folder.</summary>
    public static JObject Folder(string syncId, string name, string? parent = null) => new()
    {
        ["name"] = name, ["parent"] = Id(parent), ["_syncId"] = syncId,
    };

    /// <summary>A log operation of <paramref name="flow"/>, resolving to <paramref name="resolve"/>.</summary>
    public static JObject Operation(string syncId, string flow, string key, string? resolve = null, int x = 19) => new()
    {
        ["name"] = key, ["key"] = key, ["type"] = "log", ["position_x"] = x, ["position_y"] = 1,
        ["options"] = new JObject { ["message"] = $"Step {key}" },
        ["resolve"] = Id(resolve), ["reject"] = null, ["flow"] = flow, ["_syncId"] = syncId,
    };

    /// <summary>A label panel of <paramref name="dashboard"/>.</summary>
    public static JObject Panel(string syncId, string dashboard, string name) => new()
    {
        ["dashboard"] = dashboard, ["name"] = name, ["icon"] = null, ["color"] = null, ["show_header"] = false,
        ["note"] = null, ["type"] = "label", ["position_x"] = 1, ["position_y"] = 1, ["width"] = 8, ["height"] = 4,
        ["options"] = new JObject { ["text"] = name }, ["_syncId"] = syncId,
    };

    /// <summary>A role.</summary>
    public static JObject Role(string syncId, string name) => new()
    {
        ["name"] = name, ["icon"] = "supervised_user_circle", ["description"] = null, ["parent"] = null, ["_syncId"] = syncId,
    };

    /// <summary>A policy attached to the given roles (role sync id, sort).</summary>
    public static JObject Policy(string syncId, string name, params (string Role, int Sort)[] roles) => new()
    {
        ["name"] = name, ["icon"] = "badge", ["description"] = null, ["ip_access"] = null, ["enforce_tfa"] = false,
        ["admin_access"] = false, ["app_access"] = true,
        ["roles"] = new JArray(roles.Select(r => new JObject { ["role"] = r.Role, ["sort"] = r.Sort })),
        ["_syncId"] = syncId,
    };

    /// <summary>A permission of <paramref name="policy"/>.</summary>
    public static JObject Permission(string syncId, string policy, string collection, string action) => new()
    {
        ["collection"] = collection, ["action"] = action, ["permissions"] = null, ["validation"] = null,
        ["presets"] = null, ["fields"] = new JArray("*"), ["policy"] = policy, ["_syncId"] = syncId,
    };

    /// <summary>A global preset (no role).</summary>
    public static JObject Preset(string syncId, string bookmark) => new()
    {
        ["bookmark"] = bookmark, ["role"] = null, ["collection"] = "directus_dashboards", ["search"] = null,
        ["layout"] = "tabular", ["layout_query"] = null, ["layout_options"] = null, ["refresh_interval"] = null,
        ["filter"] = null, ["icon"] = "bookmark", ["color"] = null, ["_syncId"] = syncId,
    };

    /// <summary>A translation string.</summary>
    public static JObject Translation(string syncId, string key, string language, string value) => new()
    {
        ["language"] = language, ["key"] = key, ["value"] = value, ["_syncId"] = syncId,
    };

    /// <summary>
    /// One new item per custom collection, linked like the reference's fixture (flow ↔ operation, panel →
    /// dashboard, policy → role, permission → policy), each with a fresh sync id.
    /// </summary>
    public static Dictionary<string, JObject> OneInEachCollection(string suffix)
    {
        var ids = ScenarioItems.CustomCollections.ToDictionary(c => c, _ => NewSyncId());
        return new Dictionary<string, JObject>
        {
            ["folders"] = Folder(ids["folders"], $"Folder {suffix}"),
            ["translations"] = Translation(ids["translations"], $"greeting_{suffix}", "fr-FR", "Bonjour"),
            ["flows"] = Flow(ids["flows"], $"Flow {suffix}", ids["operations"]),
            ["operations"] = Operation(ids["operations"], ids["flows"], $"log_{suffix}"),
            ["roles"] = Role(ids["roles"], $"Role {suffix}"),
            ["policies"] = Policy(ids["policies"], $"Policy {suffix}", (ids["roles"], 1)),
            ["permissions"] = Permission(ids["permissions"], ids["policies"], "directus_dashboards", "update"),
            ["dashboards"] = Dashboard(ids["dashboards"], $"Dashboard {suffix}"),
            ["panels"] = Panel(ids["panels"], ids["dashboards"], $"Panel {suffix}"),
            ["presets"] = Preset(ids["presets"], $"Bookmark {suffix}"),
        };
    }

    /// <summary>Appends the items of <see cref="OneInEachCollection"/> (or a subset) to a dump.</summary>
    public static void AppendTo(ScenarioDump dump, IReadOnlyDictionary<string, JObject> items)
    {
        foreach (var (collection, item) in items)
        {
            dump.Append(collection, (JObject)item.DeepClone());
        }
    }
}
