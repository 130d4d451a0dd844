using System.Globalization;
using DirectusSync.Core.Execution;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Seed;

/// <summary>
/// Sends a <see cref="SeedPlan"/>: the one place where seed operations become requests. Consecutive operations of one
/// kind and collection go as batches of up to 100 items (<c>POST</c> of an array, <c>PATCH</c> of an array with the
/// keys, <c>DELETE</c> of the keys), files one upload each (multipart). Every new item is mapped right after its
/// batch, so a push that fails half-way is finished by a re-run. It decides nothing against the target; it resolves
/// relation sync ids to the target's ids and, for new items of a uuid-keyed collection without a key, sends the
/// uuid derived from the sync id (<see cref="SeedIdentity"/>), so that each new item of a batch is matched to its sync
/// id by key, never by position, and every later run finds it with or without the id map.
/// </summary>
internal sealed class SeedPlanExecutor(DirectusClient client, ISyncLog log)
{
    private const int BatchSize = 100;
    private readonly IdMapClient _idMaps = new(client);
    private readonly ItemsClient _items = new(client);

    /// <summary>Runs the plan computed from <paramref name="state"/>; returns the counts per seeded collection.</summary>
    public async Task<Dictionary<string, PushCounts>> ExecuteAsync(SeedPlan plan, SeedState state, CancellationToken cancellationToken)
    {
        var collections = plan.Plan.Summaries.Select(s => s.Collection).ToList();
        var counts = collections.ToDictionary(c => c, _ => new PushCounts(), StringComparer.Ordinal);
        var operations = plan.Plan.Operations;

        foreach (var group in Group(operations.OfType<CreateIdMap>()))
        {
            await Parallel(group, async m =>
            {
                await _idMaps.CreateAsync(SeedTables.IdMapTable(m.Collection), m.LocalId, m.SyncId, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        foreach (var group in Group(operations.OfType<DeleteIdMap>()))
        {
            var table = SeedTables.IdMapTable(group[0].Collection);
            await Parallel(group, m => _idMaps.DeleteBySyncIdAsync(table, m.SyncId, cancellationToken)).ConfigureAwait(false);
            counts[group[0].Collection].AddDangling(group.Count);
        }

        Report(collections, counts, c => c.DanglingRemoved, "Deleted {0} dangling items");

        foreach (var group in Group(operations.OfType<CreateItem>()))
        {
            await CreateAsync(group, state, cancellationToken).ConfigureAwait(false);
            counts[group[0].Collection].AddCreated(group.Count);
        }

        Report(collections, counts, c => c.Created, "Created {0} items");

        foreach (var group in Group(operations.OfType<UpdateItem>()))
        {
            await UpdateAsync(group, state, cancellationToken).ConfigureAwait(false);
            counts[group[0].Collection].AddUpdated(group.Count);
        }

        Report(collections, counts, c => c.Updated, "Updated {0} items");

        foreach (var group in Group(operations.OfType<DeleteItem>()))
        {
            await DeleteAsync(group, state, cancellationToken).ConfigureAwait(false);
            counts[group[0].Collection].AddDeleted(group.Count);
        }

        Report(Enumerable.Reverse(collections), counts, c => c.Deleted, "Deleted {0} items");
        return counts;
    }

    private async Task CreateAsync(List<CreateItem> creates, SeedState state, CancellationToken cancellationToken)
    {
        var collection = creates[0].Collection;
        var target = state.Targets[collection];
        var table = SeedTables.IdMapTable(collection);
        if (collection == SeedTables.Files)
        {
            foreach (var create in creates)
            {
                var localId = await UploadAsync(create, state, target, cancellationToken).ConfigureAwait(false);
                await MapAsync(state, table, [(create.SyncId, localId)], cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        // The planner put every item after what it points at; within one collection, an item may point at one
        // created in the same group (a parent): those wait for the next wave.
        var pending = creates.ToList();
        while (pending.Count > 0)
        {
            var wave = pending.Where(c => Resolves(state, target, c.Item)).ToList();
            if (wave.Count == 0)
            {
                throw new InvalidOperationException($"[{collection}] {pending.Count} new item(s) point at items that do not exist: {string.Join(", ", pending.Select(p => p.SyncId))}");
            }

            foreach (var chunk in wave.Chunk(BatchSize))
            {
                var payloads = chunk.Select(c => CreatePayload(c, state, target)).ToList();
                var keyed = chunk.Zip(payloads).Where(p => HasKey(p.Second, target)).ToList();
                var unkeyed = chunk.Zip(payloads).Where(p => !HasKey(p.Second, target)).ToList();
                if (keyed.Count > 0)
                {
                    await SendCreatesAsync(target, [.. keyed.Select(k => k.Second)], cancellationToken).ConfigureAwait(false);
                    await MapAsync(state, table, [.. keyed.Select(k => (k.First.SyncId, KeyOf(k.Second, target)!))], cancellationToken).ConfigureAwait(false);
                }

                if (unkeyed.Count > 0 && target.IntegerKey)
                {
                    // Integer keys are drawn in insertion order: ascending keys line up with the request.
                    var ids = (await SendCreatesAsync(target, [.. unkeyed.Select(k => k.Second)], cancellationToken).ConfigureAwait(false))
                        .OrderBy(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();
                    await MapAsync(state, table, [.. unkeyed.Select((k, i) => (k.First.SyncId, ids[i]))], cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // A key that is neither given, drawn here, nor an integer: only a one-item answer tells which item it is.
                    foreach (var (create, payload) in unkeyed)
                    {
                        var ids = await SendCreatesAsync(target, [payload], cancellationToken).ConfigureAwait(false);
                        await MapAsync(state, table, [(create.SyncId, ids[0])], cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            pending.RemoveAll(wave.Contains);
        }
    }

    /// <summary>One batch create; the keys Directus answers, as many as sent.</summary>
    private async Task<IReadOnlyList<string>> SendCreatesAsync(SeedTarget target, IReadOnlyList<JObject> payloads, CancellationToken cancellationToken)
    {
        var path = ItemsClient.PathOf(target.Collection);
        log.Debug(target.Collection, $"POST {path}: {payloads.Count} item(s) in one request");
        var answer = await client.PostAsync($"{path}?fields[]={Uri.EscapeDataString(target.PrimaryKey)}", new JArray(payloads), cancellationToken).ConfigureAwait(false);
        var ids = (answer as JArray ?? (answer is null ? [] : new JArray(answer))).Select(i => KeyOf(i, target)).OfType<string>().ToList();
        if (ids.Count != payloads.Count)
        {
            throw new DirectusApiException($"POST {path}", 200, null, $"Directus answered {ids.Count} key(s) for {payloads.Count} new item(s)");
        }

        return ids;
    }

    /// <summary>Records new items for the items created after them; in extension mode also in directus-extension-sync's table.</summary>
    private async Task MapAsync(SeedState state, string table, IReadOnlyList<(string SyncId, string LocalId)> created, CancellationToken cancellationToken) =>
        await Parallel(created, async c =>
        {
            if (state.Mode == IdMapMode.Extension)
            {
                await _idMaps.CreateAsync(table, c.LocalId, c.SyncId, cancellationToken).ConfigureAwait(false);
            }

            state.Add(table, c.SyncId, c.LocalId);
        }).ConfigureAwait(false);

    private static JObject CreatePayload(CreateItem create, SeedState state, SeedTarget target)
    {
        var body = ToLocal(state, target, create.Item);
        if (create.PreserveId)
        {
            body[target.PrimaryKey] = target.KeyValue(create.SyncId);
        }
        else if (target.UuidKey && !HasKey(body, target))
        {
            // The id every run derives (in both modes): the item is found again without its map.
            body[target.PrimaryKey] = SeedIdentity.UuidOf(target.Collection, create.SyncId);
        }

        return body;
    }

    private async Task<string> UploadAsync(CreateItem create, SeedState state, SeedTarget target, CancellationToken cancellationToken)
    {
        var seed = state.Set.Collections.First(c => c.Collection == create.Collection);
        var item = seed.Items.First(i => i.SyncId == create.SyncId);
        var path = item.FilePath!;
        var body = ToLocal(state, target, create.Item);
        if (create.PreserveId)
        {
            body[target.PrimaryKey] = target.KeyValue(create.SyncId);
        }
        else if (!HasKey(body, target))
        {
            body[target.PrimaryKey] = SeedIdentity.UuidOf(target.Collection, create.SyncId);
        }

        var fields = body.Properties()
            .Where(p => p.Value is JValue { Type: not JTokenType.Null })
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.Type == JTokenType.Boolean ? (p.Value.Value<bool>() ? "true" : "false") : Convert.ToString(((JValue)p.Value).Value, CultureInfo.InvariantCulture)!))
            .ToList();
        var type = create.Item.Value<string?>("type") is { Length: > 0 } given ? given : MimeTypes.Of(path);
        var fileName = create.Item.Value<string?>("filename_download") is { Length: > 0 } download ? download : Path.GetFileName(path);
        log.Debug(create.Collection, $"POST {ItemsClient.PathOf(SeedTables.Files)}: upload of {Path.GetFileName(path)}");
        var created = await _items.UploadFileAsync(fields, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), fileName, type, cancellationToken).ConfigureAwait(false);
        var localId = KeyOf(created, target) ?? throw new DirectusApiException("POST /files", 200, null, $"the answer holds no id for seed file \"{create.SyncId}\"");

        // Directus sets some fields itself on upload (uploaded_by, and non-text form fields): send what still differs.
        var live = await _items.GetAsync(SeedTables.Files, localId, cancellationToken).ConfigureAwait(false) ?? [];
        var changes = SeedDiffer.Changes(seed, target, item, live, state.SyncIdOf);
        if (changes.Count > 0)
        {
            await _items.UpdateAsync(SeedTables.Files, localId, ToLocal(state, target, changes), cancellationToken).ConfigureAwait(false);
        }

        return localId;
    }

    private async Task UpdateAsync(List<UpdateItem> updates, SeedState state, CancellationToken cancellationToken)
    {
        var target = state.Targets[updates[0].Collection];
        var path = ItemsClient.PathOf(target.Collection);
        foreach (var chunk in updates.Chunk(BatchSize))
        {
            // Directus' batch update: an array of items, each with its key, in one request and one transaction.
            var body = new JArray(chunk.Select(u =>
            {
                var payload = ToLocal(state, target, u.Changes);
                payload[target.PrimaryKey] = target.KeyValue(u.LocalId ?? throw new InvalidOperationException($"[{u.Collection}] {u.SyncId} has no id on the target"));
                return payload;
            }));
            log.Debug(target.Collection, $"PATCH {path}: {chunk.Length} item(s) in one request");
            await client.PatchAsync($"{path}?fields[]={Uri.EscapeDataString(target.PrimaryKey)}", body, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteAsync(List<DeleteItem> deletes, SeedState state, CancellationToken cancellationToken)
    {
        var target = state.Targets[deletes[0].Collection];
        var table = SeedTables.IdMapTable(target.Collection);
        var path = ItemsClient.PathOf(target.Collection);
        foreach (var chunk in deletes.Chunk(BatchSize))
        {
            log.Debug(target.Collection, $"DELETE {path}: {chunk.Length} item(s) in one request");
            await client.DeleteAsync(path, new JArray(chunk.Select(d => target.KeyValue(d.LocalId))), cancellationToken).ConfigureAwait(false);
            await Parallel(chunk, async d =>
            {
                await _idMaps.DeleteBySyncIdAsync(table, d.SyncId, cancellationToken).ConfigureAwait(false);
                state.Remove(table, d.SyncId, d.LocalId);
            }).ConfigureAwait(false);
        }
    }

    private void Report(IEnumerable<string> collections, Dictionary<string, PushCounts> counts, Func<PushCounts, int> count, string format)
    {
        foreach (var collection in collections)
        {
            var n = count(counts[collection]);
            log.Count(collection, n, string.Format(CultureInfo.InvariantCulture, format, n));
        }
    }

    private static bool Resolves(SeedState state, SeedTarget target, JObject item) =>
        target.Relations.Values.All(r => item[r.Field] is not JValue { Type: not JTokenType.Null } value
            || state.LocalIdOf(r.IdMapTable, value.ToString()) is not null);

    /// <summary>A copy of <paramref name="fields"/> with relation sync ids replaced by the target's local ids.</summary>
    private static JObject ToLocal(SeedState state, SeedTarget target, JObject fields)
    {
        var body = (JObject)fields.DeepClone();
        foreach (var relation in target.Relations.Values)
        {
            if (body[relation.Field] is JValue { Type: not JTokenType.Null } value)
            {
                var localId = state.LocalIdOf(relation.IdMapTable, value.ToString())
                    ?? throw new InvalidOperationException($"{target.Collection}.{relation.Field}: no local id for \"{value}\"");
                body[relation.Field] = state.Targets.TryGetValue(relation.RelatedCollection, out var related) ? related.KeyValue(localId) : new JValue(localId);
            }
        }

        return body;
    }

    private static bool HasKey(JObject payload, SeedTarget target) => KeyOf(payload, target) is not null;

    private static string? KeyOf(JToken? item, SeedTarget target) =>
        item?[target.PrimaryKey] is JValue { Type: not JTokenType.Null } key ? Convert.ToString(key.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>Consecutive operations of one collection, in plan order.</summary>
    private static IEnumerable<List<T>> Group<T>(IEnumerable<T> operations)
        where T : PlanOperation
    {
        var group = new List<T>();
        foreach (var operation in operations)
        {
            if (group.Count > 0 && group[0].Collection != operation.Collection)
            {
                yield return group;
                group = [];
            }

            group.Add(operation);
        }

        if (group.Count > 0)
        {
            yield return group;
        }
    }

    private static Task Parallel<T>(IEnumerable<T> items, Func<T, Task> action) => Task.WhenAll(items.Select(action));
}
