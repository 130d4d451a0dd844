using System.Globalization;
using DirectusSync.Core.Execution;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Seed;

/// <summary>
/// <c>seed diff</c> and <c>seed push</c>: hand-written content for custom collections, <c>directus_users</c> and
/// <c>directus_files</c>, matched to target items through directus-extension-sync's id map (tables
/// <c>items::&lt;collection&gt;</c>, <c>users</c>, <c>files</c>, as the reference). Everything is read and checked
/// before the first write; seed data is never pulled.
/// </summary>
public sealed class SeedEngine
{
    private const int ChunkSize = 100;
    private readonly DirectusClient _client;
    private readonly ISyncLog _log;
    private readonly IdMapClient _idMaps;
    private readonly ItemsClient _items;
    private readonly DirectusServer _server;

    /// <summary>An engine working on <paramref name="client"/>'s instance.</summary>
    public SeedEngine(DirectusClient client, ISyncLog? log = null)
    {
        _client = client;
        _log = log ?? NullSyncLog.Instance;
        _idMaps = new IdMapClient(client);
        _items = new ItemsClient(client);
        _server = new DirectusServer(client);
    }

    /// <summary>What a seed push would do; writes nothing.</summary>
    /// <exception cref="DumpFileException">A seed file is malformed, names an unknown collection or an unknown related sync id.</exception>
    public async Task<SeedDiffResult> DiffAsync(SeedOptions options, CancellationToken cancellationToken = default)
    {
        var state = await LoadAsync(options, cancellationToken).ConfigureAwait(false);
        foreach (var diff in state.Diffs)
        {
            LogDiff(diff, options.ShowValues);
        }

        return new SeedDiffResult(state.Diffs);
    }

    /// <summary>
    /// Pushes the seeds: removes dangling maps, then creates (in many-to-one dependency order), updates and deletes
    /// (dependents first) as each seed's meta allows.
    /// </summary>
    /// <exception cref="DumpFileException">A seed file is malformed, names an unknown collection or an unknown related sync id (nothing is written).</exception>
    /// <exception cref="DeletionRefusedException">The push would delete more than the deletion guard lets through without <see cref="SeedOptions.AllowDeletes"/> (nothing is written).</exception>
    /// <exception cref="SeedPushException">New items reference each other in a circle, or creates need more passes than allowed.</exception>
    public async Task<SeedPushResult> PushAsync(SeedOptions options, CancellationToken cancellationToken = default)
    {
        var state = await LoadAsync(options, cancellationToken).ConfigureAwait(false);
        if (!options.AllowDeletes)
        {
            // Before the first write, with the rule every push follows: seed deletions are deletions of content.
            var refusals = DeletionGuard.CheckItems(
                state.Diffs.Select(d => new CollectionDeletions(d.Collection, d.Deletes.Count + d.Updates.Count + d.Unchanged,
                    d.Deletes.Select(m => new DeleteItem(d.Collection, m.SyncId, m.LocalId, new JObject())).ToList())),
                unknown: state.Diffs.Sum(d => d.Creates.Count),
                known: state.Diffs.Sum(d => d.Updates.Count + d.Unchanged));
            if (refusals.Count > 0)
            {
                throw new DeletionRefusedException(new DeletionGuardVerdict(refusals, []), pass: 1);
            }
        }

        var counts = state.Set.Collections.ToDictionary(c => c.Collection, _ => new PushCounts(), StringComparer.Ordinal);

        foreach (var (table, syncId, localId) in state.PendingMaps)
        {
            await _idMaps.CreateAsync(table, localId, syncId, cancellationToken).ConfigureAwait(false);
        }

        foreach (var diff in state.Diffs)
        {
            var table = SeedTables.IdMapTable(diff.Collection);
            foreach (var map in diff.Dangling)
            {
                await _idMaps.DeleteBySyncIdAsync(table, map.SyncId, cancellationToken).ConfigureAwait(false);
            }

            counts[diff.Collection].AddDangling(diff.Dangling.Count);
            _log.Count(diff.Collection, diff.Dangling.Count, $"Deleted {diff.Dangling.Count} dangling items");
        }

        var passes = await CreateAllAsync(state, options, counts, cancellationToken).ConfigureAwait(false);

        foreach (var diff in state.Diffs)
        {
            var target = state.Targets[diff.Collection];
            foreach (var update in diff.Updates)
            {
                var body = ToLocal(state, target, update.Changes);
                await _items.UpdateAsync(target.Collection, update.LocalId, body, cancellationToken).ConfigureAwait(false);
            }

            counts[diff.Collection].AddUpdated(diff.Updates.Count);
            _log.Count(diff.Collection, diff.Updates.Count, $"Updated {diff.Updates.Count} items");
        }

        // Dependents first: a seed pushed later may point at one pushed earlier.
        foreach (var diff in Enumerable.Reverse(state.Diffs))
        {
            var target = state.Targets[diff.Collection];
            var table = SeedTables.IdMapTable(diff.Collection);
            foreach (var map in diff.Deletes)
            {
                await _items.DeleteAsync(target.Collection, map.LocalId, cancellationToken).ConfigureAwait(false);
                await _idMaps.DeleteBySyncIdAsync(table, map.SyncId, cancellationToken).ConfigureAwait(false);
            }

            counts[diff.Collection].AddDeleted(diff.Deletes.Count);
            _log.Count(diff.Collection, diff.Deletes.Count, $"Deleted {diff.Deletes.Count} items");
        }

        return new SeedPushResult(counts, passes);
    }

    private async Task<int> CreateAllAsync(SeedState state, SeedOptions options, Dictionary<string, PushCounts> counts, CancellationToken cancellationToken)
    {
        var pending = state.Diffs.SelectMany(d => d.Creates.Select(item => (Seed: state.Set.Collections.First(c => c.Collection == d.Collection), Item: item))).ToList();
        var passes = 0;
        while (pending.Count > 0)
        {
            passes++;
            if (options.MaxPushRetries > 0 && passes > options.MaxPushRetries)
            {
                throw new SeedPushException($"Seed push: max retries reached after {options.MaxPushRetries} attempts; still to create: {Describe(pending.Select(p => (p.Seed.Collection, p.Item)))}");
            }

            _log.Debug("seed", $"Create pass {passes}: {pending.Count} item(s) to create");
            var next = new List<(SeedCollection Seed, SeedItem Item)>();
            foreach (var (seed, item) in pending)
            {
                var target = state.Targets[seed.Collection];
                if (!CanResolve(state, target, item))
                {
                    next.Add((seed, item));
                    continue;
                }

                var localId = await CreateAsync(state, seed, target, item, cancellationToken).ConfigureAwait(false);
                await _idMaps.CreateAsync(seed.IdMapTable, localId, item.SyncId, cancellationToken).ConfigureAwait(false);
                state.Add(seed.IdMapTable, item.SyncId, localId);
                counts[seed.Collection].AddCreated(1);
            }

            if (next.Count == pending.Count)
            {
                throw new SeedPushException($"Seed push: these new items point at each other in a circle and cannot be created: {Describe(next.Select(p => (p.Seed.Collection, p.Item)))}");
            }

            pending = next;
        }

        foreach (var seed in state.Set.Collections)
        {
            var created = counts[seed.Collection].Created;
            _log.Count(seed.Collection, created, $"Created {created} items");
        }

        return passes;
    }

    private async Task<string> CreateAsync(SeedState state, SeedCollection seed, SeedTarget target, SeedItem item, CancellationToken cancellationToken)
    {
        var body = ToLocal(state, target, item.Fields);
        if (seed.Meta.PreserveIds)
        {
            body[target.PrimaryKey] = target.KeyValue(item.SyncId);
        }

        if (seed.Collection == SeedTables.Files)
        {
            return await UploadAsync(state, seed, target, item, body, cancellationToken).ConfigureAwait(false);
        }

        var created = await _items.CreateAsync(target.Collection, body, cancellationToken).ConfigureAwait(false);
        return KeyOf(created, target) ?? throw new DirectusApiException($"POST {ItemsClient.PathOf(target.Collection)}", 200, null, $"the answer holds no {target.PrimaryKey} for seed item \"{item.SyncId}\"");
    }

    private async Task<string> UploadAsync(SeedState state, SeedCollection seed, SeedTarget target, SeedItem item, JObject body, CancellationToken cancellationToken)
    {
        var path = item.FilePath!;
        var fields = body.Properties()
            .Where(p => p.Value is JValue { Type: not JTokenType.Null })
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.Type == JTokenType.Boolean ? (p.Value.Value<bool>() ? "true" : "false") : Convert.ToString(((JValue)p.Value).Value, CultureInfo.InvariantCulture)!))
            .ToList();
        var type = item.Fields.Value<string?>("type") is { Length: > 0 } given ? given : MimeTypes.Of(path);
        var fileName = item.Fields.Value<string?>("filename_download") is { Length: > 0 } download ? download : Path.GetFileName(path);
        var created = await _items.UploadFileAsync(fields, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), fileName, type, cancellationToken).ConfigureAwait(false);
        var localId = KeyOf(created, target) ?? throw new DirectusApiException("POST /files", 200, null, $"the answer holds no id for seed file \"{item.SyncId}\"");

        // Directus sets some fields itself on upload (uploaded_by, and non-text form fields): send what still differs.
        var live = await _items.GetAsync(SeedTables.Files, localId, cancellationToken).ConfigureAwait(false) ?? [];
        var changes = SeedDiffer.Changes(seed, target, item, live, state.SyncIdOf);
        if (changes.Count > 0)
        {
            await _items.UpdateAsync(SeedTables.Files, localId, ToLocal(state, target, changes), cancellationToken).ConfigureAwait(false);
        }

        return localId;
    }

    private async Task<SeedState> LoadAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        // Everything local is read and checked before the server is asked anything.
        var set = SeedSet.From(SeedLoader.Load(options.SeedPaths));

        await _server.EnsureSupportedAsync(cancellationToken).ConfigureAwait(false);
        await _server.ClearCacheAsync(cancellationToken).ConfigureAwait(false);
        await _idMaps.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = await new SchemaClient(_client).GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var state = new SeedState
        {
            Set = set,
            Targets = set.Collections.ToDictionary(c => c.Collection, c => SeedTarget.Describe(c, snapshot), StringComparer.Ordinal),
        };

        foreach (var seed in set.Collections)
        {
            var target = state.Targets[seed.Collection];
            var maps = await _idMaps.ListAsync(seed.IdMapTable, cancellationToken).ConfigureAwait(false);
            state.Maps[seed.IdMapTable] = maps;
            state.Live[seed.Collection] = await ReadItemsAsync(target, maps.Select(m => m.LocalId).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
            state.Index(seed.IdMapTable, maps.Where(m => state.Live[seed.Collection].ContainsKey(m.LocalId)));
        }

        foreach (var table in state.Targets.Values.SelectMany(t => t.Relations.Values).Select(r => r.IdMapTable).Distinct().Where(t => !state.IsLoaded(t)))
        {
            state.Index(table, await _idMaps.ListAsync(table, cancellationToken).ConfigureAwait(false));
        }

        await ResolvePlaceholdersAsync(state, cancellationToken).ConfigureAwait(false);
        CheckRelations(state);

        foreach (var seed in set.Collections)
        {
            state.Diffs.Add(SeedDiffer.Diff(seed, state.Targets[seed.Collection], state.Maps[seed.IdMapTable], state.Live[seed.Collection], state.SyncIdOf));
        }

        // Only new files are uploaded: an update never reads _file_path.
        foreach (var item in state.Diffs.Where(d => d.Collection == SeedTables.Files).SelectMany(d => d.Creates).Where(i => !File.Exists(i.FilePath)))
        {
            throw new DumpFileException(item.SourceFile, $"{SeedTables.Files} item \"{item.SyncId}\": the file \"{item.FilePath}\" (_file_path) does not exist");
        }

        return state;
    }

    private async Task ResolvePlaceholdersAsync(SeedState state, CancellationToken cancellationToken)
    {
        var usesAdminRole = state.Set.Collections.Any(seed => state.Targets[seed.Collection].Relations.Values
            .Any(r => r.IdMapTable == "roles" && seed.Items.Any(i => i.Fields[r.Field]?.ToString() == Placeholders.AdminRole)));
        if (usesAdminRole && state.LocalIdOf("roles", Placeholders.AdminRole) is null
            && await _server.GetCurrentUserRoleAsync(cancellationToken).ConfigureAwait(false) is { } role)
        {
            // As the reference: a missing placeholder map is created on the fly (by push; diff only resolves it).
            state.Add("roles", Placeholders.AdminRole, role);
            state.PendingMaps.Add(("roles", Placeholders.AdminRole, role));
        }
    }

    private static void CheckRelations(SeedState state)
    {
        var seeds = state.Set.Collections.ToDictionary(c => c.Collection, StringComparer.Ordinal);
        foreach (var seed in state.Set.Collections)
        {
            var target = state.Targets[seed.Collection];
            foreach (var item in seed.Items)
            {
                foreach (var relation in target.Relations.Values)
                {
                    var value = item.Fields[relation.Field];
                    if (value is null || value.Type == JTokenType.Null)
                    {
                        continue;
                    }

                    if (value is not JValue { Type: JTokenType.String or JTokenType.Integer })
                    {
                        throw new DumpFileException(item.SourceFile,
                            $"{seed.Collection} item \"{item.SyncId}\": field \"{relation.Field}\" must be the _sync_id of a {relation.RelatedCollection} item (nested objects are not supported)");
                    }

                    var syncId = value.ToString();
                    var mapped = state.LocalIdOf(relation.IdMapTable, syncId) is not null;
                    var known = seeds.TryGetValue(relation.RelatedCollection, out var related)
                        ? related.Items.Any(i => i.SyncId == syncId) ? mapped || related.Meta.Create : mapped && !related.Meta.Delete
                        : mapped;
                    if (!known)
                    {
                        throw new DumpFileException(item.SourceFile,
                            $"{seed.Collection} item \"{item.SyncId}\": field \"{relation.Field}\" points at \"{syncId}\", which is neither a seed item of {relation.RelatedCollection} nor a tracked item of the target");
                    }
                }
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, JObject>> ReadItemsAsync(SeedTarget target, IReadOnlyList<string> localIds, CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, JObject>(StringComparer.Ordinal);
        foreach (var chunk in localIds.Chunk(ChunkSize))
        {
            var query = new JObject
            {
                ["filter"] = new JObject { [target.PrimaryKey] = new JObject { ["_in"] = new JArray(chunk.Select(target.KeyValue)) } },
                ["fields"] = "*",
                ["limit"] = -1,
            };
            var rows = await _items.ListAsync(target.Collection, DirectusQuery.ToQueryString(query), cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                if (KeyOf(row, target) is { } key)
                {
                    items[key] = row;
                }
            }
        }

        return items;
    }

    private static bool CanResolve(SeedState state, SeedTarget target, SeedItem item) =>
        target.Relations.Values.All(r => item.Fields[r.Field] is not JValue { Type: not JTokenType.Null } value
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

    private static string? KeyOf(JToken? item, SeedTarget target) =>
        item?[target.PrimaryKey] is JValue { Type: not JTokenType.Null } key ? Convert.ToString(key.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The fields as they may be logged: a user's password is masked.</summary>
    private static string Describe(IEnumerable<(string Collection, SeedItem Item)> items) =>
        string.Join(", ", items.Select(i => $"{i.Collection} \"{i.Item.SyncId}\" ({i.Item.SourceFile})"));

    // Names, not values, by default (the rule of every diff): content rows can hold personal data and secrets.
    private static string Fields(JObject fields, bool showValues) =>
        showValues
            ? LogText.Escape(SecretRedactor.MaskValues(fields).ToString(Formatting.None))
            : $"fields: {string.Join(", ", fields.Properties().Select(p => LogText.Escape(p.Name)))}";

    private void LogDiff(SeedCollectionDiff diff, bool showValues)
    {
        var scope = diff.Collection;
        _log.Count(scope, diff.Dangling.Count, $"Dangling id maps: {diff.Dangling.Count} item(s)");
        _log.Count(scope, diff.Creates.Count, $"To create: {diff.Creates.Count} item(s)");
        foreach (var item in diff.Creates)
        {
            _log.Info(scope, $"Will create item (sync id: {item.SyncId}) {Fields(item.Fields, showValues)}");
        }

        _log.Count(scope, diff.Updates.Count, $"To update: {diff.Updates.Count} item(s)");
        foreach (var update in diff.Updates)
        {
            _log.Info(scope, $"Will update item (id: {update.LocalId}, sync id: {update.Item.SyncId}) {Fields(update.Changes, showValues)}");
        }

        _log.Count(scope, diff.Deletes.Count, $"To delete: {diff.Deletes.Count} item(s)");
        foreach (var map in diff.Deletes)
        {
            _log.Info(scope, $"Will delete item (id: {map.LocalId}, sync id: {map.SyncId})");
        }

        _log.Debug(scope, $"Unchanged: {diff.Unchanged} item(s)");
    }
}
