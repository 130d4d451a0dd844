using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Reading;

/// <summary>
/// Reads what the target holds in bulk: one list request per collection and one per id-map table, all
/// concurrent. (The reference asks for every item and every map one request at a time.)
/// </summary>
/// <param name="client">The target.</param>
/// <param name="idMaps">The extension's id maps; null without the extension: the maps are then derived from the
/// items (<see cref="DerivedIdMaps"/>), and relation targets are read for their ids.</param>
public sealed class LiveStateReader(DirectusClient client, IdMapClient? idMaps)
{
    private readonly ItemsClient _items = new(client);

    /// <summary>
    /// Reads the synced collections (items and maps) and, for relations that leave them, the maps of the
    /// targets; and resolves the placeholders.
    /// </summary>
    /// <param name="synced">The collections being pulled, diffed or pushed.</param>
    /// <param name="queryOf">The list query of a collection (after onQuery hooks); null for the default.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<LiveState> ReadAsync(
        IReadOnlyList<CollectionDefinition> synced,
        Func<CollectionDefinition, string>? queryOf = null,
        CancellationToken cancellationToken = default)
    {
        var syncedNames = synced.Select(c => c.Name).ToHashSet();
        var relationTargets = synced.SelectMany(c => c.Relations.Select(r => r.TargetCollection))
            .Where(t => !syncedNames.Contains(t))
            .Distinct()
            .Select(SystemCollections.Get)
            .ToList();

        var reads = synced.Select(c => ReadCollectionAsync(c, queryOf?.Invoke(c) ?? DefaultQuery(c), withItems: true, cancellationToken))
            .Concat(relationTargets.Select(c => ReadCollectionAsync(c, DefaultQuery(c), withItems: false, cancellationToken)))
            .ToList();
        var placeholdersTask = ReadPlaceholdersAsync(cancellationToken);
        var collections = await Task.WhenAll(reads).ConfigureAwait(false);
        var placeholders = await placeholdersTask.ConfigureAwait(false);
        if (idMaps is null)
        {
            var derived = DerivedIdMaps.Derive(collections.Select(c => (c.Definition, c.Items)), placeholders);
            // Relation targets were read for their ids only: they keep their maps, not their items.
            collections = collections.Select(c => c with
            {
                Items = syncedNames.Contains(c.Definition.Name) ? c.Items : [],
                IdMaps = derived[c.Definition.Name],
            }).ToArray();
        }

        return new LiveState(collections.ToDictionary(c => c.Definition.Name), placeholders);
    }

    /// <summary>The list query of a collection before hooks: everything, no limit (what onQuery receives).</summary>
    public static JObject BaseQuery() => new() { ["limit"] = -1 };

    /// <summary>The query string of a (possibly hook-changed) query, with the collection's own additions merged in.</summary>
    public static string BuildQuery(CollectionDefinition definition, JObject query)
    {
        var merged = (JObject)query.DeepClone();
        if (definition.IsSingleton)
        {
            // Settings is a singleton: a filter makes no sense there.
            merged.Remove("filter");
            merged.Remove("limit");
        }

        if (definition.QueryAdditions?.Invoke() is { } additions)
        {
            merged.Merge(additions, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Union });
        }

        return DirectusQuery.ToQueryString(merged);
    }

    /// <summary>The ids of every item of a collection (with its filters: presets are the shared ones only).</summary>
    private static string IdsQuery(CollectionDefinition definition)
    {
        var query = BaseQuery();
        query["fields"] = new JArray("id");
        if (definition.QueryAdditions?.Invoke()?["filter"] is { } filter)
        {
            query["filter"] = filter;
        }

        return DirectusQuery.ToQueryString(query);
    }

    /// <summary>The list query of a collection without hooks.</summary>
    public static string DefaultQuery(CollectionDefinition definition) => BuildQuery(definition, BaseQuery());

    /// <summary>
    /// Reads one collection: its items (one request) and its id maps (one request; none without the extension,
    /// where a relation target's ids are read instead of its maps).
    /// </summary>
    public async Task<LiveCollection> ReadCollectionAsync(CollectionDefinition definition, string query, bool withItems, CancellationToken cancellationToken = default)
    {
        var maps = idMaps?.ListAsync(definition.Name, cancellationToken) ?? Task.FromResult<IReadOnlyList<IdMap>>([]);
        var items = withItems ? ReadItemsAsync(definition, query, cancellationToken)
            : idMaps is null ? ReadItemsAsync(definition, IdsQuery(definition), cancellationToken)
            : Task.FromResult<IReadOnlyList<JObject>>([]);
        return new LiveCollection(definition, await items.ConfigureAwait(false), await maps.ConfigureAwait(false));
    }

    private async Task<IReadOnlyList<JObject>> ReadItemsAsync(CollectionDefinition definition, string query, CancellationToken cancellationToken)
    {
        var items = await _items.ListAsync(definition.DirectusCollection, query, cancellationToken).ConfigureAwait(false);
        if (definition.IsSingleton)
        {
            // The settings row: the reference falls back to id 1 when the answer has none.
            return items.Select(single => single["id"] is null or { Type: JTokenType.Null } ? new JObject(single) { ["id"] = 1 } : single).ToList();
        }

        // Admins see "virtual" permissions without an id; they are not rows and cannot be synced.
        return items.Where(i => i["id"] is { Type: not JTokenType.Null }).ToList();
    }

    /// <summary>Where the <c>_sync_default_*</c> placeholders point on this instance.</summary>
    public async Task<PlaceholderTargets> ReadPlaceholdersAsync(CancellationToken cancellationToken = default)
    {
        var roleTask = new DirectusServer(client).GetCurrentUserRoleAsync(cancellationToken);
        var policiesTask = _items.ListAsync(SystemCollections.Policies.DirectusCollection, DirectusQuery.ToQueryString(new JObject
        {
            ["limit"] = -1,
            ["fields"] = new JArray("id", "admin_access", "roles.role", "roles.user", "roles.sort"),
        }), cancellationToken);
        var settingsTask = _items.ListAsync(SystemCollections.Settings.DirectusCollection, DirectusQuery.ToQueryString(new JObject { ["fields"] = new JArray("id") }), cancellationToken);
        var adminRole = await roleTask.ConfigureAwait(false);
        var policies = await policiesTask.ConfigureAwait(false);
        // A null id falls back to 1 below, as the settings row itself does when it is read.
        var settingsId = (await settingsTask.ConfigureAwait(false)).FirstOrDefault()?["id"] is { Type: not JTokenType.Null } id ? id.ToString() : null;

        static IEnumerable<JObject> Accesses(JObject policy) => (policy["roles"] as JArray)?.OfType<JObject>() ?? [];
        static bool IsNull(JToken? token) => token is null || token.Type == JTokenType.Null;

        var adminPolicy = adminRole is null ? null : policies.FirstOrDefault(p =>
            p.Value<bool?>("admin_access") == true && Accesses(p).Any(a => a["role"]?.ToString() == adminRole));
        // sort is null on instances migrated from Directus 10.
        var publicPolicy = policies.FirstOrDefault(p => Accesses(p).Any(a =>
            IsNull(a["role"]) && IsNull(a["user"]) && (IsNull(a["sort"]) || a.Value<int?>("sort") == 1)));

        return new PlaceholderTargets(adminRole, adminPolicy?["id"]?.ToString(), publicPolicy?["id"]?.ToString(), settingsId ?? "1");
    }
}
