using DirectusSync.Core.Model;
using DirectusSync.Core.Reading;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios.Support;

/// <summary>Reads what an instance holds through REST and the id-map extension: the observable outcome of a sync.</summary>
public sealed class ServerState(DirectusClient client)
{
    private readonly IdMapClient _idMaps = new(client);

    /// <summary>The id-map client of the instance.</summary>
    public IdMapClient IdMaps => _idMaps;

    /// <summary>Every row of a tracked collection (admins' virtual permissions, which have no id, left out).</summary>
    public async Task<IReadOnlyList<JObject>> ItemsAsync(string collection, string query = "limit=-1")
    {
        var data = await client.GetAsync($"/{collection}?{query}");
        return data switch
        {
            JArray array => array.OfType<JObject>().Where(i => i["id"] is { Type: not JTokenType.Null }).ToList(),
            JObject single => [single],
            _ => [],
        };
    }

    /// <summary>One item by id, or null when it does not exist.</summary>
    public async Task<JObject?> ItemAsync(string collection, string id, string query = "")
    {
        var found = await ItemsAsync(collection, $"limit=-1&filter[id][_eq]={Uri.EscapeDataString(id)}{(query.Length > 0 ? "&" + query : "")}");
        return found.SingleOrDefault();
    }

    /// <summary>The settings singleton.</summary>
    public async Task<JObject> SettingsAsync() => (JObject)(await client.GetAsync("/settings"))!;

    /// <summary>The id maps of a table.</summary>
    public Task<IReadOnlyList<IdMap>> MapsAsync(string table) => _idMaps.ListAsync(table);

    /// <summary>How many id maps the instance holds over the 11 tables.</summary>
    public async Task<int> MapCountAsync()
    {
        var total = 0;
        foreach (var collection in SystemCollections.Names)
        {
            total += (await _idMaps.ListAsync(collection)).Count;
        }

        return total;
    }

    /// <summary>The sync id of a local id, or null when it is not tracked.</summary>
    public async Task<string?> SyncIdOfAsync(string table, string localId) =>
        (await _idMaps.ListAsync(table)).SingleOrDefault(m => m.LocalId == localId)?.SyncId;

    /// <summary>The local id of a sync id, or null when it is not tracked.</summary>
    public async Task<string?> LocalIdOfAsync(string table, string syncId) =>
        (await _idMaps.ListAsync(table)).SingleOrDefault(m => m.SyncId == syncId)?.LocalId;

    /// <summary>The sync ids of the given local ids, by collection (only the tracked ones).</summary>
    public async Task<Dictionary<string, string>> SyncIdsAsync(SystemItems items)
    {
        var result = new Dictionary<string, string>();
        foreach (var (collection, localId) in items.Ids)
        {
            if (await SyncIdOfAsync(collection, localId) is { } syncId)
            {
                result[collection] = syncId;
            }
        }

        return result;
    }

    /// <summary>Where the <c>_sync_default_*</c> placeholders point on the instance.</summary>
    public Task<PlaceholderTargets> DefaultsAsync() => new LiveStateReader(client, _idMaps).ReadPlaceholdersAsync();

    /// <summary>
    /// How many rows each tracked collection holds besides the instance's defaults (admin role, admin and
    /// public policies, the settings row); presets counted as the sync reads them (no user's own).
    /// </summary>
    public async Task<Dictionary<string, int>> CustomItemCountsAsync()
    {
        var defaults = await DefaultsAsync();
        var result = new Dictionary<string, int>();
        foreach (var collection in SystemCollections.Names.Where(n => n != "settings"))
        {
            var query = collection == "presets" ? "limit=-1&filter[user][_null]=true" : "limit=-1";
            var items = await ItemsAsync(collection, query);
            result[collection] = items.Count(i =>
            {
                var id = i["id"]!.ToString();
                return collection switch
                {
                    "roles" => id != defaults.AdminRole,
                    "policies" => id != defaults.AdminPolicy && id != defaults.PublicPolicy,
                    _ => true,
                };
            });
        }

        return result;
    }

    /// <summary>The rows of <c>directus_activity</c> (every create, update and delete Directus records).</summary>
    public async Task<int> ActivityCountAsync()
    {
        var data = await client.GetAsync("/activity?aggregate[count]=id");
        return data![0]!["count"]!["id"]!.Value<int>();
    }

    /// <summary>How many updates Directus recorded on these items of a system collection (one per row written).</summary>
    public async Task<int> UpdateActivityCountAsync(string collection, IEnumerable<string> ids)
    {
        var data = await client.GetAsync(
            $"/activity?aggregate[count]=id&filter[collection][_eq]=directus_{collection}&filter[action][_eq]=update&filter[item][_in]={string.Join(",", ids)}");
        return data![0]!["count"]!["id"]!.Value<int>();
    }

    /// <summary>A policy's access rows as (role, user, sort).</summary>
    public async Task<IReadOnlyList<(string? Role, string? User, int? Sort)>> AccessesAsync(string policyId)
    {
        var policy = (JObject)(await client.GetAsync($"/policies/{policyId}?fields[]=roles.role&fields[]=roles.user&fields[]=roles.sort"))!;
        return ((JArray)policy["roles"]!).OfType<JObject>()
            .Select(a => (Text(a["role"]), Text(a["user"]), a["sort"] is { Type: JTokenType.Integer } s ? s.Value<int>() : (int?)null))
            .ToList();
    }

    private static string? Text(JToken? token) => token is null || token.Type == JTokenType.Null ? null : token.ToString();
}
