using System.Globalization;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Seed;

/// <summary>
/// Reads what matches seed items to target items, in the state's mode. Extension mode: directus-extension-sync's
/// tables, plus the seed items the map does not know but the target holds under the id they would be created with
/// (<see cref="SeedIdentity"/>: created by the extension-less mode, so a project moving into extension mode maps them
/// instead of creating them again). Derived mode: only the latter, nothing stored anywhere.
/// </summary>
internal sealed class SeedMapReader(DirectusClient client, IdMapClient idMaps)
{
    private const int ChunkSize = 100;
    private readonly ItemsClient _items = new(client);

    /// <summary>Fills the state's maps, target items and relation indexes; plans the maps extension mode adds for items it finds unmapped.</summary>
    /// <exception cref="DumpFileException">Derived mode: an item has no id that every run would agree on (nothing is written).</exception>
    public async Task ReadAsync(SeedState state, JObject snapshot, CancellationToken cancellationToken)
    {
        var extension = state.Mode == IdMapMode.Extension;
        foreach (var seed in state.Set.Collections)
        {
            var target = state.Targets[seed.Collection];
            var table = seed.IdMapTable;
            var derived = seed.Items.Select(item => (Item: item, LocalId: SeedIdentity.LocalIdOf(target, seed.Meta, item))).ToList();
            if (!extension && derived.FirstOrDefault(d => d.LocalId is null) is { Item: { } orphan })
            {
                throw new DumpFileException(orphan.SourceFile,
                    $"{seed.Collection} item \"{orphan.SyncId}\": without directus-extension-sync (--id-maps derived), an item of a collection whose key " +
                    $"\"{target.PrimaryKey}\" is {(target.IntegerKey ? "an integer" : "not a uuid")} needs its own \"{target.PrimaryKey}\" or the seed's meta " +
                    "\"preserve_ids\": true, so that every run finds it under the same id");
            }

            var stored = extension ? await idMaps.ListAsync(table, cancellationToken).ConfigureAwait(false) : [];
            var storedSyncIds = stored.Select(m => m.SyncId).ToHashSet(StringComparer.Ordinal);
            var storedLocalIds = stored.Select(m => m.LocalId).ToHashSet(StringComparer.Ordinal);
            var unmapped = derived
                .Where(d => d.LocalId is not null && !storedSyncIds.Contains(d.Item.SyncId) && !storedLocalIds.Contains(d.LocalId))
                .Select(d => new IdMap(0, table, d.Item.SyncId, d.LocalId!))
                .ToList();
            var live = await ReadAsync(target.Collection, target.PrimaryKey, target.KeyValue,
                stored.Select(m => m.LocalId).Concat(unmapped.Select(m => m.LocalId)).Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
            var found = unmapped.Where(m => live.ContainsKey(m.LocalId)).ToList();
            if (extension)
            {
                state.PendingMaps.AddRange(found.Select(m => new CreateIdMap(seed.Collection, m.SyncId, m.LocalId,
                    $"the target holds an item under the id this seed item is created with ({m.LocalId}), but no map: mapped, not created again")));
            }

            state.Maps[table] = [.. stored, .. found];
            state.Live[seed.Collection] = live;
            state.Index(table, state.Maps[table].Where(m => live.ContainsKey(m.LocalId)));
        }

        var unloaded = state.Targets.Values.SelectMany(t => t.Relations.Values)
            .GroupBy(r => r.IdMapTable, StringComparer.Ordinal)
            .Where(g => !state.Set.Collections.Any(s => s.IdMapTable == g.Key))
            .ToList();
        foreach (var relations in unloaded)
        {
            state.Index(relations.Key, extension
                ? await idMaps.ListAsync(relations.Key, cancellationToken).ConfigureAwait(false)
                : await DeriveRelatedAsync(state, snapshot, relations.First().RelatedCollection, relations.Key, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Derived mode, before reading: the extension still answers and maps seed items to other ids than the derived
    /// ones (drawn by the reference, or by an older push). Deriving would create them again: refused.
    /// </summary>
    /// <exception cref="SyncOptionsException">Some seed items are mapped to other ids (nothing is written).</exception>
    public async Task EnsureNothingRecreatedAsync(SeedState state, CancellationToken cancellationToken)
    {
        foreach (var seed in state.Set.Collections)
        {
            var target = state.Targets[seed.Collection];
            var stored = (await idMaps.ListAsync(seed.IdMapTable, cancellationToken).ConfigureAwait(false))
                .GroupBy(m => m.SyncId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().LocalId, StringComparer.Ordinal);
            var moved = seed.Items
                .Where(i => stored.TryGetValue(i.SyncId, out var local) && local != SeedIdentity.LocalIdOf(target, seed.Meta, i))
                .Select(i => i.SyncId)
                .ToList();
            if (moved.Count > 0)
            {
                throw new SyncOptionsException("--id-maps",
                    $"--id-maps derived: directus-extension-sync maps {moved.Count} item(s) of {seed.Collection} ({string.Join(", ", moved.Take(5).Select(s => $"\"{s}\""))}" +
                    $"{(moved.Count > 5 ? ", …" : string.Empty)}) to other ids than the extension-less mode derives: it would create them again. Nothing was written. " +
                    "Keep --id-maps extension (or auto) for this project's seeds.");
            }
        }
    }

    /// <summary>
    /// Derived mode: the items of a collection no seed fills (roles, folders, users or items seeded earlier) that the
    /// seeds point at, each under the id its sync id stands for, kept when the target holds it.
    /// </summary>
    private async Task<IReadOnlyList<IdMap>> DeriveRelatedAsync(SeedState state, JObject snapshot, string collection, string table, CancellationToken cancellationToken)
    {
        var values = state.Set.Collections
            .SelectMany(seed => state.Targets[seed.Collection].Relations.Values.Where(r => r.IdMapTable == table)
                .SelectMany(r => seed.Items.Select(i => i.Fields[r.Field])))
            .OfType<JValue>()
            .Where(v => v.Type is JTokenType.String or JTokenType.Integer)
            .Select(v => v.ToString())
            .Where(v => v != Placeholders.AdminRole)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var (key, type) = KeyOf(snapshot, collection);
        var candidates = values
            .Select(v => (SyncId: v, LocalId: type switch
            {
                "uuid" => SeedIdentity.UuidOf(collection, v),
                "integer" => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? v : null,
                _ => v,
            }))
            .Where(c => c.LocalId is not null)
            .ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        JToken KeyValue(string id) => type == "integer" ? new JValue(long.Parse(id, CultureInfo.InvariantCulture)) : new JValue(id);
        var existing = await ReadAsync(collection, key, KeyValue, candidates.Select(c => c.LocalId!).Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
        return candidates.Where(c => existing.ContainsKey(c.LocalId!)).Select(c => new IdMap(0, table, c.SyncId, c.LocalId!)).ToList();
    }

    /// <summary>The primary key and its kind (uuid, integer, text) of a collection: Directus' own are uuid-keyed but for a few logs.</summary>
    private static (string Key, string Type) KeyOf(JObject snapshot, string collection)
    {
        if (collection.StartsWith("directus_", StringComparison.Ordinal))
        {
            return ("id", SystemCollections.HasIntegerKey(collection) ? "integer" : "uuid");
        }

        var key = (snapshot["fields"] as JArray ?? []).FirstOrDefault(f => f.Value<string>("collection") == collection
            && f["schema"]?["is_primary_key"] is JValue { Type: JTokenType.Boolean } primary && (bool)primary.Value!);
        var type = key?.Value<string>("type");
        return (key?.Value<string>("field") ?? "id", type switch { "uuid" => "uuid", "integer" or "bigInteger" => "integer", _ => "text" });
    }

    /// <summary>The items of <paramref name="collection"/> among <paramref name="localIds"/>, by local id (at most 100 ids per request).</summary>
    public async Task<IReadOnlyDictionary<string, JObject>> ReadAsync(string collection, string primaryKey, Func<string, JToken> keyValue,
        IReadOnlyList<string> localIds, CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, JObject>(StringComparer.Ordinal);
        foreach (var chunk in localIds.Chunk(ChunkSize))
        {
            var query = new JObject
            {
                ["filter"] = new JObject { [primaryKey] = new JObject { ["_in"] = new JArray(chunk.Select(keyValue)) } },
                ["fields"] = "*",
                ["limit"] = -1,
            };
            var rows = await _items.ListAsync(collection, DirectusQuery.ToQueryString(query), cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                if (row[primaryKey] is JValue { Type: not JTokenType.Null } id)
                {
                    items[Convert.ToString(id.Value, CultureInfo.InvariantCulture)!] = row;
                }
            }
        }

        return items;
    }
}
