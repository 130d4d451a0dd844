using DirectusSync.Core.Model;
using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Sync;

/// <summary>The reference's item order in collection files (stable sort, JavaScript localeCompare).</summary>
public static class DumpOrder
{
    /// <summary>Sorts the items of a collection as directus-sync writes them.</summary>
    public static IEnumerable<JObject> Sort(CollectionDefinition definition, IEnumerable<JObject> items) => definition.Order switch
    {
        ItemOrder.ByKey => items.OrderBy(i => Text(i["key"]), JsLocaleComparer.Instance),
        ItemOrder.ByPolicyCollectionAction => items.OrderBy(i => $"{Text(i["policy"])}-{Text(i["collection"])}-{Text(i["action"])}", JsLocaleComparer.Instance),
        _ => items.OrderBy(i => Text(i["_syncId"]), JsLocaleComparer.Instance),
    };

    // JavaScript's template literal prints null as "null" and a missing key as "undefined".
    private static string Text(JToken? token) => token switch
    {
        null => "undefined",
        { Type: JTokenType.Null } => "null",
        _ => token.ToString(),
    };
}
