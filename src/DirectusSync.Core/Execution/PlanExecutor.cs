using DirectusSync.Core.Diff;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Execution;

/// <summary>
/// Applies a <see cref="SyncPlan"/> through the client: consecutive steps of one kind and collection run
/// as one batch (creates and deletes as single array requests, maps and updates concurrently). Every
/// created item is mapped right after its batch, so a push that fails half-way is finished by a re-run.
/// It decides nothing against the target: every request it sends belongs to an operation of the plan (the
/// differ plans duplicate removals, link releases, access rows and split writes), it only resolves sync ids.
/// </summary>
/// <remarks>
/// With <paramref name="batchImport"/> (Directus 12.2+), the updates go to Directus as one batch import (one
/// request, one transaction) instead of a PATCH per item; see <see cref="ImportBatch"/> for what stays REST.
/// Without the extension (<paramref name="idMaps"/> null) no map row is written: the maps are derived from the items.
/// </remarks>
public sealed class PlanExecutor(DirectusClient client, IdMapClient? idMaps, ISyncLog log, bool batchImport = false)
{
    private const int BatchSize = 100;
    private readonly ItemsClient _items = new(client);

    // Plans made without the extension hold no map rows (the differ leaves them out); one that does is a bug.
    private IdMapClient IdMaps => idMaps ?? throw new InvalidOperationException("an id-map row was planned without directus-extension-sync");

    /// <summary>Applies the plan. <paramref name="live"/> must be the state the plan was computed from.</summary>
    public async Task<PushResult> ExecuteAsync(SyncPlan plan, LiveState live, CancellationToken cancellationToken = default)
    {
        var resolver = new IdResolver(live, plan.Operations.OfType<DeleteIdMap>().Select(d => (d.Collection, d.SyncId)));
        var counts = SystemCollections.Names.ToDictionary(n => n, _ => new PushCounts());
        var context = new Context(resolver, counts, live);

        var schemaApplied = false;
        if (plan.Schema is { Total: > 0 } schema)
        {
            await new SchemaClient(client).ApplyAsync(schema, cancellationToken).ConfigureAwait(false);
            log.Info("snapshot", "Changes applied");
            schemaApplied = true;
        }

        var imported = new HashSet<PlanOperation>(ReferenceEqualityComparer.Instance);
        var batchTried = !batchImport;
        var scope = plan.Summaries.Select(s => s.Collection).ToList();
        var danglingReported = false;
        foreach (var whole in Group(plan.Operations))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!danglingReported && whole[0] is not DeleteIdMap)
            {
                ReportDangling(scope, counts);
                danglingReported = true;
            }

            if (!batchTried && whole[0] is UpdateItem)
            {
                // Every create ran before the first update: every relation resolves now.
                batchTried = true;
                foreach (var step in await ImportAsync(plan.Operations, context, cancellationToken).ConfigureAwait(false))
                {
                    imported.Add(step);
                }
            }

            var group = whole.Where(o => !imported.Contains(o)).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            var definition = SystemCollections.Get(group[0].Collection);
            switch (group[0])
            {
                case DeleteIdMap:
                    await Parallel(group.Cast<DeleteIdMap>(), d => IdMaps.DeleteBySyncIdAsync(d.Collection, d.SyncId, cancellationToken)).ConfigureAwait(false);
                    counts[definition.Name].AddDangling(group.Count);
                    break;
                case CreateIdMap:
                    await Parallel(group.Cast<CreateIdMap>(), async m =>
                    {
                        await IdMaps.CreateAsync(m.Collection, m.LocalId, m.SyncId, cancellationToken).ConfigureAwait(false);
                        resolver.Add(m.Collection, m.SyncId, m.LocalId);
                        if (!Placeholders.IsPlaceholder(m.SyncId))
                        {
                            log.Warn(m.Collection, $"Item {m.LocalId} already exists but id map was missing. Will recreate id map.");
                        }
                    }).ConfigureAwait(false);
                    break;
                case CreateItem:
                    await CreateAsync(definition, group.Cast<CreateItem>().ToList(), context, cancellationToken).ConfigureAwait(false);
                    break;
                case UpdateItem:
                    await UpdateAsync(definition, group.Cast<UpdateItem>().ToList(), context, cancellationToken).ConfigureAwait(false);
                    break;
                case DeleteItem:
                    await DeleteAsync(definition, group.Cast<DeleteItem>().ToList(), context, cancellationToken).ConfigureAwait(false);
                    break;
                case DeleteDuplicatePermission:
                    await DeleteDuplicatesAsync(definition, group.Cast<DeleteDuplicatePermission>().ToList(), cancellationToken).ConfigureAwait(false);
                    break;
                case ReleaseOperationLink:
                    await ReleaseAsync(definition, group.Cast<ReleaseOperationLink>().ToList(), context, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        if (!danglingReported)
        {
            ReportDangling(scope, counts);
        }

        // One line per collection and step, in the reference's collection order, zero counts at debug.
        foreach (var collection in scope)
        {
            var done = counts[collection];
            log.Count(collection, done.Created, $"Created {done.Created} items");
            log.Count(collection, done.Updated, $"Updated {done.Updated} items");
            if (!SystemCollections.Get(collection).IsSingleton)
            {
                log.Count(collection, done.Deleted, $"Deleted {done.Deleted} items");
            }
        }

        return new PushResult(schemaApplied, counts);
    }

    /// <summary>The reference's clean-up lines: one per collection, before any item is written.</summary>
    private void ReportDangling(IEnumerable<string> scope, Dictionary<string, PushCounts> counts)
    {
        foreach (var collection in scope)
        {
            var removed = counts[collection].DanglingRemoved;
            log.Count(collection, removed, $"Deleted {removed} dangling items");
        }
    }

    /// <summary>
    /// Sends the updates one batch import can carry; returns the steps it applied. When Directus refuses the
    /// batch, nothing of it was written (one transaction): the steps stay with the REST path, which reports
    /// per item.
    /// </summary>
    private async Task<IReadOnlyList<PlanOperation>> ImportAsync(IEnumerable<PlanOperation> steps, Context context, CancellationToken cancellationToken)
    {
        var batch = ImportBatch.Build(steps, context.Resolver.LocalIdOf);
        if (batch.IsEmpty)
        {
            return [];
        }

        try
        {
            log.Debug("push", $"Batch import: {batch.Taken.Count} update(s) in one request");
            await new ImportClient(client).MergeAsync(batch.Body, cancellationToken).ConfigureAwait(false);
        }
        catch (DirectusApiException e) when (e.StatusCode >= 400)
        {
            log.Warn("push", $"Directus refused the batch import ({e.Message}); nothing of it was written, continuing item by item.");
            return [];
        }

        foreach (var group in batch.Taken.GroupBy(u => u.Collection))
        {
            context.Counts[group.Key].AddUpdated(group.Count());
        }

        return batch.Taken;
    }

    private async Task CreateAsync(CollectionDefinition definition, List<CreateItem> creates, Context context, CancellationToken cancellationToken)
    {
        var pending = creates.ToList();
        while (pending.Count > 0)
        {
            // Items whose relations all resolve now; the rest wait for this wave (parents, resolve targets).
            var wave = pending.Where(c => TryResolve(definition, c.Item, context.Resolver, out _)).ToList();
            if (wave.Count == 0)
            {
                throw new InvalidOperationException(
                    $"[{definition.Name}] {pending.Count} item(s) point at items that do not exist: {string.Join(", ", pending.Select(p => p.SyncId))}");
            }

            var payloads = wave.Select(c =>
            {
                TryResolve(definition, c.Item, context.Resolver, out var payload);
                if (c.PreserveId)
                {
                    payload["id"] = definition.HasIntegerIds && long.TryParse(c.SyncId, out var n) ? n : c.SyncId;
                }
                else if (!definition.HasIntegerIds)
                {
                    // Directus answers a batch create in primary-key order, not request order: with the uuid
                    // chosen here, each new item is matched to its sync id by id, never by position.
                    payload["id"] = PayloadResolver.NewUuid(c.SyncId, context.Live.Collections.GetValueOrDefault(definition.Name));
                }

                return payload;
            }).ToList();

            for (var start = 0; start < wave.Count; start += BatchSize)
            {
                var chunk = wave.Skip(start).Take(BatchSize).ToList();
                var body = new JArray(payloads.Skip(start).Take(BatchSize));
                var answer = await _items.CreateManyAsync(definition.DirectusCollection, body, cancellationToken).ConfigureAwait(false);
                // Directus appends its virtual system permissions (no id) to a permissions create answer.
                var createdIds = answer
                    .Select(i => i["id"])
                    .Where(id => id is { Type: not JTokenType.Null })
                    .Select(id => id!.ToString())
                    .ToList();
                if (createdIds.Count != chunk.Count)
                {
                    throw new InvalidOperationException($"[{definition.Name}] Directus created {createdIds.Count} item(s) for {chunk.Count} requested");
                }

                // Integer keys are drawn in insertion order, so ascending keys line up with the request.
                var ids = definition.HasIntegerIds && payloads[start]["id"] is null
                    ? createdIds.OrderBy(long.Parse).ToList()
                    : payloads.Skip(start).Take(chunk.Count).Select(p => p["id"]!.ToString()).ToList();
                await Parallel(chunk.Select((c, i) => (Create: c, Id: ids[i])), async x =>
                {
                    if (idMaps is not null)
                    {
                        await idMaps.CreateAsync(definition.Name, x.Id, x.Create.SyncId, cancellationToken).ConfigureAwait(false);
                    }

                    context.Resolver.Add(definition.Name, x.Create.SyncId, x.Id);
                }).ConfigureAwait(false);
            }

            context.Counts[definition.Name].AddCreated(wave.Count);
            pending.RemoveAll(wave.Contains);
        }

    }

    private async Task UpdateAsync(CollectionDefinition definition, List<UpdateItem> updates, Context context, CancellationToken cancellationToken)
    {
        var writes = updates.Select(u =>
        {
            var localId = u.LocalId ?? context.Resolver.LocalIdOf(u.Collection, u.SyncId)
                ?? throw new InvalidOperationException($"[{u.Collection}] {u.SyncId} has no id on the target");
            if (!TryResolve(definition, u.Changes, context.Resolver, out var payload))
            {
                throw new InvalidOperationException($"[{u.Collection}] {u.SyncId}: a relation does not resolve");
            }

            if (u.Access is { } access)
            {
                var field = definition.Behavior.AccessRowsField
                    ?? throw new InvalidOperationException($"[{u.Collection}] {u.SyncId}: access rows planned for a collection that has none");
                payload[field] = ResolveAccess(definition, field, access, context.Resolver, u.SyncId);
            }

            return (u.SyncId, LocalId: localId, Payload: payload);
        }).ToList();

        if (definition.Behavior.WritesUpdatesInOrder)
        {
            // The differ ordered them (operations: each takes next steps nobody holds any more): one at a time, in order.
            foreach (var write in writes)
            {
                await WriteUpdateAsync(definition, write.LocalId, write.Payload, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            // Items in parallel; the writes of one item (a split update) in plan order.
            await Parallel(writes.GroupBy(w => w.SyncId, StringComparer.Ordinal), async item =>
            {
                foreach (var write in item)
                {
                    await WriteUpdateAsync(definition, write.LocalId, write.Payload, cancellationToken).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }

        context.Counts[definition.Name].AddUpdated(updates.Count(u => !u.IsPrelude));
    }

    private Task WriteUpdateAsync(CollectionDefinition definition, string localId, JObject payload, CancellationToken cancellationToken) =>
        definition.IsSingleton
            ? _items.UpdateSingletonAsync(definition.DirectusCollection, payload, cancellationToken)
            : _items.UpdateAsync(definition.DirectusCollection, localId, payload, cancellationToken);

    /// <summary>The planned access rows as Directus' nested-relation change (<c>create</c>, <c>update</c>, <c>delete</c>), roles resolved.</summary>
    private static JObject ResolveAccess(CollectionDefinition definition, string field, PolicyAccessChanges access, IdResolver resolver, string syncId)
    {
        JArray Resolve(JArray rows)
        {
            if (!TryResolve(definition, new JObject { [field] = rows }, resolver, out var resolved))
            {
                throw new InvalidOperationException($"[{definition.Name}] {syncId}: a role of its access rows does not resolve");
            }

            return (JArray)resolved[field]!;
        }

        return new JObject
        {
            ["create"] = Resolve(access.Create),
            ["update"] = Resolve(access.Update),
            ["delete"] = new JArray(access.Delete.Select(r => r["id"]!.DeepClone())),
        };
    }

    /// <summary>Planned removals of untracked duplicate permissions: one delete request per batch.</summary>
    private async Task DeleteDuplicatesAsync(CollectionDefinition definition, List<DeleteDuplicatePermission> removals, CancellationToken cancellationToken)
    {
        // The reference's warning, once per permission created.
        foreach (var created in removals.GroupBy(r => (r.PermissionCollection, r.Action, r.PolicyLocalId)))
        {
            log.Warn(definition.Name, $"Found duplicate permissions for {created.Key.PermissionCollection}.{created.Key.Action} with policy {created.Key.PolicyLocalId}. Deleting them.");
        }

        for (var start = 0; start < removals.Count; start += BatchSize)
        {
            var keys = new JArray(removals.Skip(start).Take(BatchSize).Select(r => long.TryParse(r.LocalId, out var n) ? (JToken)n : r.LocalId));
            await _items.DeleteManyAsync(definition.DirectusCollection, keys, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Planned link releases: one batch update per field (<c>resolve</c>, then <c>reject</c>).</summary>
    private async Task ReleaseAsync(CollectionDefinition definition, List<ReleaseOperationLink> releases, Context context, CancellationToken cancellationToken)
    {
        foreach (var field in new[] { "resolve", "reject" }.Where(f => releases.Any(r => r.Field == f)))
        {
            var keys = releases.Where(r => r.Field == field)
                .Select(r => r.LocalId ?? context.Resolver.LocalIdOf(r.Collection, r.SyncId)
                    ?? throw new InvalidOperationException($"[{r.Collection}] {r.SyncId} has no id on the target"))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            await _items.UpdateManyAsync(definition.DirectusCollection, keys, new JObject { [field] = null }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteAsync(CollectionDefinition definition, List<DeleteItem> deletes, Context context, CancellationToken cancellationToken)
    {
        for (var start = 0; start < deletes.Count; start += BatchSize)
        {
            var chunk = deletes.Skip(start).Take(BatchSize).ToList();
            var keys = new JArray(chunk.Select(d => definition.HasIntegerIds && long.TryParse(d.LocalId, out var n) ? (JToken)n : d.LocalId));
            await _items.DeleteManyAsync(definition.DirectusCollection, keys, cancellationToken).ConfigureAwait(false);
            await Parallel(chunk, async d =>
            {
                if (idMaps is not null)
                {
                    await idMaps.DeleteBySyncIdAsync(d.Collection, d.SyncId, cancellationToken).ConfigureAwait(false);
                }

                context.Resolver.Remove(d.Collection, d.SyncId);
            }).ConfigureAwait(false);
        }

        context.Counts[definition.Name].AddDeleted(deletes.Count);
    }

    private static bool TryResolve(CollectionDefinition definition, JObject item, IdResolver resolver, out JObject payload) =>
        PayloadResolver.TryResolve(definition, item, resolver.LocalIdOf, out payload);

    private static IEnumerable<List<PlanOperation>> Group(IReadOnlyList<PlanOperation> operations)
    {
        var group = new List<PlanOperation>();
        foreach (var operation in operations)
        {
            if (group.Count > 0 && (group[0].GetType() != operation.GetType() || group[0].Collection != operation.Collection))
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

    private static Task Parallel<T>(IEnumerable<T> items, Func<T, Task> action) =>
        Task.WhenAll(items.Select(action));

    private sealed record Context(IdResolver Resolver, Dictionary<string, PushCounts> Counts, LiveState Live);
}
