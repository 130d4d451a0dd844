using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Diff;

/// <summary>
/// The target side of a diff: items as Directus returns them (with <c>id</c>, relations holding local
/// ids) and the id-map rows of directus-extension-sync. Every collection is read, as a full diff does.
/// </summary>
internal sealed class LiveStateBuilder
{
    private readonly Dictionary<string, List<JObject>> _items = SystemCollections.Names.ToDictionary(n => n, _ => new List<JObject>());
    private readonly Dictionary<string, List<IdMap>> _maps = SystemCollections.Names.ToDictionary(n => n, _ => new List<IdMap>());
    private PlaceholderTargets _placeholders = new(null, null, null, null);
    private long _nextMapRow = 1;

    /// <summary>An item tracked by the sync: the item and its map.</summary>
    public LiveStateBuilder MappedItem(string collection, string syncId, string localId, string json) =>
        UnmappedItem(collection, localId, json).Map(collection, syncId, localId);

    /// <summary>An item the sync does not track (made by hand on the target, or a default row).</summary>
    public LiveStateBuilder UnmappedItem(string collection, string localId, string json)
    {
        var item = new JObject { ["id"] = IdToken(collection, localId) };
        foreach (var property in Json.Object(json).Properties())
        {
            item[property.Name] = property.Value;
        }

        _items[collection].Add(item);
        return this;
    }

    /// <summary>A map row only (a dangling map when no item has that local id).</summary>
    public LiveStateBuilder Map(string collection, string syncId, string localId)
    {
        _maps[collection].Add(new IdMap(_nextMapRow++, collection, syncId, localId));
        return this;
    }

    /// <summary>The per-collection sample item, mapped, as its dump form's twin (see <see cref="CollectionSample"/>).</summary>
    public LiveStateBuilder Sample(string collection)
    {
        var sample = CollectionSample.Get(collection);
        return MappedItem(collection, sample.SyncId, sample.LocalId, sample.ItemJson);
    }

    /// <summary>Where the <c>_sync_default_*</c> ids point on this target.</summary>
    public LiveStateBuilder Defaults(string? adminRole = null, string? adminPolicy = null, string? publicPolicy = null, string? settings = null)
    {
        _placeholders = new PlaceholderTargets(adminRole, adminPolicy, publicPolicy, settings);
        return this;
    }

    public LiveState Build() => new(
        SystemCollections.All.ToDictionary(
            c => c.Name,
            c => new LiveCollection(c, _items[c.Name].Select(i => (JObject)i.DeepClone()).ToList(), _maps[c.Name].ToList())),
        _placeholders);

    /// <summary>
    /// The target a push of <paramref name="dump"/> would leave behind: every item created and mapped, its
    /// relations written as local ids. Flows and folders keep their sync id as id, permissions and presets
    /// get integers, settings is row 1, the rest get <c>local-&lt;sync id&gt;</c>.
    /// </summary>
    public static LiveStateBuilder PushedFrom(DumpBuilder dump)
    {
        var target = new LiveStateBuilder();
        var localIds = new Dictionary<(string, string), string>();
        var next = 1;
        foreach (var definition in SystemCollections.All)
        {
            foreach (var item in dump.Items(definition.Name))
            {
                var syncId = item.Value<string>("_syncId")!;
                localIds[(definition.Name, syncId)] = definition switch
                {
                    { IsSingleton: true } => "1",
                    { AlwaysPreservesIds: true } => syncId,
                    { HasIntegerIds: true } => (next++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => $"local-{syncId}",
                };
            }
        }

        var accessRow = 100;
        foreach (var definition in SystemCollections.All)
        {
            foreach (var item in dump.Items(definition.Name))
            {
                var syncId = item.Value<string>("_syncId")!;
                var raw = (JObject)item.DeepClone();
                raw.Remove("_syncId");
                foreach (var relation in definition.Relations)
                {
                    relation.Rewrite(raw, v => localIds.TryGetValue((relation.TargetCollection, v.ToString()), out var local) ? new JValue(local) : v);
                }

                if (definition == SystemCollections.Policies && raw["roles"] is JArray roles)
                {
                    // Directus answers access rows with their own id and user.
                    raw["roles"] = new JArray(roles.OfType<JObject>().Select(r => new JObject
                    {
                        ["id"] = accessRow++,
                        ["role"] = r["role"]?.DeepClone(),
                        ["user"] = null,
                        ["sort"] = r["sort"]?.DeepClone(),
                    }));
                }

                target.MappedItem(definition.Name, syncId, localIds[(definition.Name, syncId)], Json.Compact(raw));
            }
        }

        return target;
    }

    private static JToken IdToken(string collection, string localId) =>
        SystemCollections.Get(collection).HasIntegerIds && long.TryParse(localId, out var number) ? new JValue(number) : new JValue(localId);
}
