using DirectusSync.Core.Model;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Diff;

/// <summary>
/// Turns an item as Directus returns it into the form a dump holds: no <c>id</c>, no ignored fields,
/// relation ids replaced by sync ids where a map exists, and <c>_syncId</c> last. Pull writes this form and
/// the differ compares in it, so "equal" means "a pull would write the same thing".
/// </summary>
public static class ItemNormalizer
{
    /// <summary>Step 1 of pull (before onDump): drop the id and append the sync id.</summary>
    public static JObject WithSyncId(JObject item, string syncId)
    {
        var copy = (JObject)item.DeepClone();
        copy.Remove("id");
        copy.Remove("_syncId");
        copy["_syncId"] = syncId;
        return copy;
    }

    /// <summary>Step 2 of pull (after onDump): drop ignored fields and map relations to sync ids.</summary>
    /// <param name="definition">The collection.</param>
    /// <param name="item">An item from <see cref="WithSyncId"/> (changed in place).</param>
    /// <param name="syncIdOf">(table, local id) → sync id, or null when unmapped (the raw id is kept, as the reference does).</param>
    /// <param name="syncPolicyRoles">False drops the policies' roles entirely.</param>
    public static JObject MapRelations(CollectionDefinition definition, JObject item, Func<string, string, string?> syncIdOf, bool syncPolicyRoles = true)
    {
        foreach (var field in definition.IgnoredFields)
        {
            item.Remove(field);
        }

        definition.Behavior.Normalize(item, syncPolicyRoles);

        foreach (var relation in definition.Relations)
        {
            relation.Rewrite(item, value =>
            {
                if (IsDynamic(value))
                {
                    return value;
                }

                var syncId = syncIdOf(relation.TargetCollection, value.ToString());
                return syncId is null ? value : new JValue(syncId);
            });
        }

        return item;
    }

    /// <summary>The whole normalisation, for the differ's view of a target item.</summary>
    public static JObject ToDumpForm(CollectionDefinition definition, JObject item, string syncId, Func<string, string, string?> syncIdOf, bool syncPolicyRoles = true) =>
        MapRelations(definition, WithSyncId(item, syncId), syncIdOf, syncPolicyRoles);

    /// <summary>
    /// A template value such as <c>{{ $last.id }}</c> is resolved by Directus when the flow runs; it is not an id.
    /// </summary>
    public static bool IsDynamic(JValue value) =>
        value.Type == JTokenType.String && value.Value<string>()!.TrimStart().StartsWith("{{", StringComparison.Ordinal);
}
