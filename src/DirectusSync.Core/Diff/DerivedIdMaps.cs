using DirectusSync.Core.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Diff;

/// <summary>
/// Identity without directus-extension-sync (<see cref="IdMapMode.Derived"/>): the id map is computed from the
/// items, the same way on every instance, so two runners pushing one dump, or a fresh clone, agree without a
/// stored map and without committing anything back.
/// <list type="bullet">
/// <item>uuid-keyed items: the sync id is the id (a push creates them with the dump's sync id as id);</item>
/// <item>the rows every instance is born with (admin role, admin and public policies, settings): their placeholder;</item>
/// <item>integer-keyed items (permissions, presets), whose ids differ per instance: a name-based uuid of their
/// natural key: policy, collection and action; role, collection and bookmark. Items sharing a key are told
/// apart by their rank (by id on the target, by file order in the dump).</item>
/// </list>
/// The same sync ids are drawn for new maps in extension mode, so a project can move between the modes.
/// </summary>
public static class DerivedIdMaps
{
    /// <summary>
    /// The maps of every collection read: uuid collections first, because permissions and presets name
    /// policies and roles in their keys.
    /// </summary>
    /// <param name="collections">Each collection with the items read (at least their ids).</param>
    /// <param name="placeholders">Where the default rows are on this instance.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<IdMap>> Derive(
        IEnumerable<(CollectionDefinition Definition, IReadOnlyList<JObject> Items)> collections, PlaceholderTargets placeholders)
    {
        var result = new Dictionary<string, IReadOnlyList<IdMap>>();
        var all = collections.ToList();
        foreach (var (definition, items) in all.Where(c => !c.Definition.HasIntegerIds))
        {
            result[definition.Name] = items.Select(i => LocalId(i))
                .Select(id => Map(definition, placeholders.PlaceholderFor(definition.Name, id) ?? id, id))
                .ToList();
        }

        string? SyncIdOf(string table, string localId) => UuidSyncId(table, localId, placeholders);
        foreach (var (definition, items) in all.Where(c => c.Definition.HasIntegerIds))
        {
            result[definition.Name] = Ranked(definition, items, SyncIdOf).Select(r => Map(definition, SyncIdOfKey(r.Key!, r.Rank), r.LocalId)).ToList();
        }

        return result;
    }

    /// <summary>
    /// The sync id a uuid-keyed item has without the extension: its placeholder for a default row, else its id.
    /// </summary>
    public static string UuidSyncId(string table, string localId, PlaceholderTargets placeholders) =>
        placeholders.PlaceholderFor(table, localId) ?? localId;

    /// <summary>
    /// The natural key of an integer-keyed item, as text (null for uuid-keyed collections). The item may be raw
    /// (relations hold local ids, turned into sync ids by <paramref name="syncIdOf"/>) or in dump form
    /// (relations already hold sync ids; pass a <paramref name="syncIdOf"/> that returns null).
    /// </summary>
    public static string? NaturalKey(CollectionDefinition definition, JObject item, Func<string, string, string?> syncIdOf)
    {
        string? Related(string field, string table) =>
            item[field] is { Type: not JTokenType.Null } value ? syncIdOf(table, value.ToString()) ?? value.ToString() : null;
        string? Text(string field) => item[field] is { Type: not JTokenType.Null } value ? value.ToString() : null;

        var parts = definition.Behavior.NaturalKey(Related, Text);
        return parts is null ? null : JsonConvert.SerializeObject(new string?[] { definition.Name }.Concat(parts));
    }

    /// <summary>The sync id of the <paramref name="rank"/>-th item (from 0) with a natural key.</summary>
    public static string SyncIdOfKey(string naturalKey, int rank) =>
        NameBasedUuid.Create(rank == 0 ? naturalKey : $"{naturalKey}#{rank + 1}");

    /// <summary>
    /// The dump's permissions and presets under their derived sync ids (pulled in extension mode, their sync ids
    /// were drawn by the server). Nothing points at these items, so renaming them changes no other item.
    /// Items of other collections are returned as they are.
    /// </summary>
    /// <returns>The items (renamed ones are copies) and the (old, new) sync id of each renamed one.</returns>
    public static (IReadOnlyList<JObject> Items, IReadOnlyList<(string From, string To)> Renamed) Rekey(
        CollectionDefinition definition, IReadOnlyList<JObject> items)
    {
        if (!definition.HasIntegerIds)
        {
            return (items, []);
        }

        var renamed = new List<(string, string)>();
        var replaced = new Dictionary<JObject, JObject>(ReferenceEqualityComparer.Instance);
        foreach (var group in items.GroupBy(i => NaturalKey(definition, i, (_, _) => null)!))
        {
            // An item already under one of its key's ids keeps it; the others take the free ones, in file order.
            var members = group.ToList();
            var ids = Enumerable.Range(0, members.Count).Select(r => SyncIdOfKey(group.Key, r)).ToList();
            var kept = members.Select(SyncIdOf).Where(ids.Contains).GroupBy(s => s).Where(s => s.Count() == 1).Select(s => s.Key).ToHashSet();
            var free = new Queue<string>(ids.Where(id => !kept.Contains(id)));
            foreach (var item in members.Where(m => !kept.Contains(SyncIdOf(m))))
            {
                var copy = (JObject)item.DeepClone();
                copy["_syncId"] = free.Dequeue();
                renamed.Add((SyncIdOf(item), copy.Value<string>("_syncId")!));
                replaced[item] = copy;
            }
        }

        return (items.Select(i => replaced.GetValueOrDefault(i, i)).ToList(), renamed);

        static string SyncIdOf(JObject item) => item.Value<string>("_syncId") ?? string.Empty;
    }

    /// <summary>
    /// A target's items in the order ranks are drawn (ascending integer id, then id as text), each with its natural
    /// key (null for uuid-keyed collections) and its rank among the items sharing that key, from 0.
    /// </summary>
    public static IEnumerable<(JObject Item, string LocalId, string? Key, int Rank)> Ranked(
        CollectionDefinition definition, IEnumerable<JObject> items, Func<string, string, string?> syncIdOf)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items.OrderBy(i => long.TryParse(LocalId(i), out var n) ? n : long.MaxValue).ThenBy(LocalId, StringComparer.Ordinal))
        {
            var key = definition.HasIntegerIds ? NaturalKey(definition, item, syncIdOf) : null;
            var rank = key is null ? 0 : ranks[key] = ranks.GetValueOrDefault(key, -1) + 1;
            yield return (item, LocalId(item), key, rank);
        }
    }

    private static string LocalId(JObject item) => item["id"]!.ToString();

    private static IdMap Map(CollectionDefinition definition, string syncId, string localId) => new(0, definition.Name, syncId, localId);
}
