using System.Globalization;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;
using DirectusSync.Core.Model;

namespace DirectusSync.Core.Seed;

/// <summary>
/// Compares one seeded collection with the target, without any I/O: items are matched through the id map only;
/// the target item is projected onto the seed item's keys before comparing.
/// </summary>
public static class SeedDiffer
{
    /// <summary>The diff of one collection.</summary>
    /// <param name="seed">The merged seeds of the collection.</param>
    /// <param name="target">The collection on the target.</param>
    /// <param name="maps">The collection's id maps on the target.</param>
    /// <param name="live">The target items the maps point at, by local id (a map whose item is absent is dangling).</param>
    /// <param name="syncIdOf">The sync id of a local id in an id-map table, or null when it is not mapped.</param>
    public static SeedCollectionDiff Diff(
        SeedCollection seed,
        SeedTarget target,
        IReadOnlyList<IdMap> maps,
        IReadOnlyDictionary<string, JObject> live,
        Func<string, string, string?> syncIdOf)
    {
        var dangling = maps.Where(m => !live.ContainsKey(m.LocalId)).ToList();
        var bySyncId = maps.Where(m => live.ContainsKey(m.LocalId)).GroupBy(m => m.SyncId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var creates = new List<SeedItem>();
        var updates = new List<SeedUpdate>();
        var unchanged = 0;
        foreach (var item in seed.Items)
        {
            if (!bySyncId.TryGetValue(item.SyncId, out var map))
            {
                if (seed.Meta.Create)
                {
                    creates.Add(item);
                }

                continue;
            }

            var changes = Changes(seed, target, item, live[map.LocalId], syncIdOf);
            if (changes.Count == 0)
            {
                unchanged++;
            }
            else if (seed.Meta.Update)
            {
                updates.Add(new SeedUpdate(item, map.LocalId, changes));
            }
        }

        var seeded = seed.Items.Select(i => i.SyncId).ToHashSet(StringComparer.Ordinal);
        var deletes = seed.Meta.Delete ? bySyncId.Values.Where(m => !seeded.Contains(m.SyncId)).OrderBy(m => m.Id).ToList() : [];
        return new SeedCollectionDiff(seed.Collection, dangling, creates, updates, deletes, unchanged);
    }

    /// <summary>The fields an update compares and sends: the seed item's, minus the key, ignored fields and a user's password.</summary>
    public static IEnumerable<JProperty> ComparedFields(SeedCollection seed, SeedTarget target, SeedItem item) =>
        item.Fields.Properties().Where(p => p.Name != target.PrimaryKey
            && !seed.Meta.IgnoreOnUpdate.Contains(p.Name)
            && !(seed.Collection == SeedTables.Users && p.Name == "password"));

    /// <summary>The seed's values of the fields whose target value differs (relations compared as sync ids).</summary>
    public static JObject Changes(SeedCollection seed, SeedTarget target, SeedItem item, JObject live, Func<string, string, string?> syncIdOf)
    {
        var changes = new JObject();
        foreach (var property in ComparedFields(seed, target, item))
        {
            var current = live[property.Name];
            if (target.Relations.TryGetValue(property.Name, out var relation) && current is JValue { Value: not null } local)
            {
                var localId = Convert.ToString(local.Value, CultureInfo.InvariantCulture)!;
                current = syncIdOf(relation.IdMapTable, localId) is { } syncId ? new JValue(syncId) : local;
            }

            if (!SameValue(property.Value, current))
            {
                changes[property.Name] = property.Value.DeepClone();
            }
        }

        return changes;
    }

    /// <summary>JSON equality that ignores number representation (1 = 1.0 = "1") and treats a missing value as null.</summary>
    public static bool SameValue(JToken? seed, JToken? live)
    {
        seed ??= JValue.CreateNull();
        live ??= JValue.CreateNull();
        if (seed is JValue a && live is JValue b)
        {
            if (a.Type == JTokenType.Null || b.Type == JTokenType.Null)
            {
                return a.Type == b.Type;
            }

            if (IsNumber(a) || IsNumber(b))
            {
                return TryNumber(a, out var x) && TryNumber(b, out var y) && x == y;
            }

            return JToken.DeepEquals(a, b) || string.Equals(Convert.ToString(a.Value, CultureInfo.InvariantCulture), Convert.ToString(b.Value, CultureInfo.InvariantCulture), StringComparison.Ordinal) && a.Type == b.Type;
        }

        if (seed is JArray left && live is JArray right)
        {
            return left.Count == right.Count && left.Zip(right).All(p => SameValue(p.First, p.Second));
        }

        if (seed is JObject l && live is JObject r)
        {
            return l.Count == r.Count && l.Properties().All(p => r.TryGetValue(p.Name, out var v) && SameValue(p.Value, v));
        }

        return false;
    }

    private static bool IsNumber(JValue value) => value.Type is JTokenType.Integer or JTokenType.Float;

    private static bool TryNumber(JValue value, out decimal number)
    {
        number = 0;
        return value.Type switch
        {
            JTokenType.Integer or JTokenType.Float => decimal.TryParse(Convert.ToString(value.Value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            JTokenType.String => decimal.TryParse(value.Value<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }
}
