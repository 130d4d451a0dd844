using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Execution;

/// <summary>Turns a dump item (relations hold sync ids) into a payload for the target (relations hold its ids).</summary>
internal static class PayloadResolver
{
    /// <summary>
    /// Copies <paramref name="item"/> without its sync id and with every relation resolved through
    /// <paramref name="localIdOf"/>; false when one does not resolve (yet).
    /// </summary>
    public static bool TryResolve(CollectionDefinition definition, JObject item, Func<string, string, string?> localIdOf, out JObject payload)
    {
        payload = (JObject)item.DeepClone();
        payload.Remove("_syncId");
        var ok = true;
        foreach (var relation in definition.Relations)
        {
            relation.Rewrite(payload, value =>
            {
                if (ItemNormalizer.IsDynamic(value))
                {
                    return value;
                }

                var localId = localIdOf(relation.TargetCollection, value.ToString());
                if (localId is null)
                {
                    ok = false;
                    return value;
                }

                return new JValue(localId);
            });
        }

        return ok;
    }

    /// <summary>
    /// The id a new uuid-keyed item gets: its sync id when that is a UUID free on the target, so that a push
    /// interrupted between the create and the id map is finished by a re-run that adopts the item instead
    /// of creating it twice (ids as Directus' own sync CLI keeps them); otherwise a fresh UUID.
    /// </summary>
    public static string NewUuid(string syncId, LiveCollection? live) =>
        Guid.TryParse(syncId, out _) && live?.FindItem(syncId) is null ? syncId : Guid.NewGuid().ToString();
}
