using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model;

/// <summary>One collection as read in bulk from the target: its items (raw, as the API returns them) and its id maps.</summary>
/// <param name="Definition">The collection.</param>
/// <param name="Items">Every item (one list request), or empty when only the maps were needed.</param>
/// <param name="IdMaps">Every id map of the table (one request).</param>
public sealed record LiveCollection(CollectionDefinition Definition, IReadOnlyList<JObject> Items, IReadOnlyList<IdMap> IdMaps)
{
    /// <summary>The item with that local id, or null.</summary>
    public JObject? FindItem(string localId) =>
        Items.FirstOrDefault(i => i["id"]?.ToString() == localId);
}
