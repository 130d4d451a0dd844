using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Diff;

/// <summary>The dump side of a diff: collection files as pull writes them (relations hold sync ids, <c>_syncId</c> last).</summary>
internal sealed class DumpBuilder
{
    private readonly Dictionary<string, List<JObject>> _files = SystemCollections.Names.ToDictionary(n => n, _ => new List<JObject>());

    /// <summary>Adds an item; <paramref name="json"/> is the item without <c>_syncId</c>.</summary>
    public DumpBuilder Item(string collection, string syncId, string json)
    {
        var item = Json.Object(json);
        item["_syncId"] = syncId;
        _files[collection].Add(item);
        return this;
    }

    /// <summary>Adds the per-collection sample item (see <see cref="CollectionSample"/>).</summary>
    public DumpBuilder Sample(string collection) =>
        Item(collection, CollectionSample.Get(collection).SyncId, CollectionSample.Get(collection).ItemJson);

    public IReadOnlyList<JObject> Items(string collection) => _files[collection];

    public DesiredState Build() =>
        new(_files.ToDictionary(f => f.Key, f => (IReadOnlyList<JObject>)f.Value.Select(i => (JObject)i.DeepClone()).ToList()));
}
