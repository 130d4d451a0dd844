using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Diff;

/// <summary>
/// The pure heart of the sync: (what the dump asks for, what the target holds) → an ordered plan.
/// No I/O; every case is a unit test.
/// </summary>
public static class SyncDiffer
{
    /// <summary>Computes the item and id-map steps of a push.</summary>
    public static SyncPlan Diff(DesiredState desired, LiveState live, DiffOptions options, SchemaChanges? schema = null)
    {
        // Maps whose item was deleted outside the sync point nowhere. They stay out of the index, so that a
        // placeholder such a map held resolves to the target's current default row again (as the reference
        // does: it removes dangling maps first, then re-creates placeholder maps on lookup).
        var synced = options.Collections.Select(c => c.Name).ToHashSet();
        var danglingMaps = live.Collections.Where(c => synced.Contains(c.Key)).ToDictionary(
            c => c.Key,
            c =>
            {
                var localIds = c.Value.Items.Select(i => i["id"]!.ToString()).ToHashSet(StringComparer.Ordinal);
                return c.Value.IdMaps.Where(m => !localIds.Contains(m.LocalId)).ToList();
            });
        var indexes = live.Collections.Keys.ToDictionary(
            name => name,
            name => new IdMapIndex(name, live.Collections[name].IdMaps.Except(danglingMaps.GetValueOrDefault(name) ?? []), live.Placeholders));

        string? SyncIdOf(string table, string localId) =>
            indexes.TryGetValue(table, out var index) ? index.SyncIdOf(localId) : null;

        var unmaps = new List<PlanOperation>();
        var maps = new List<PlanOperation>();
        var creates = new Dictionary<string, List<CreateItem>>();
        var updates = new Dictionary<string, List<UpdateItem>>();
        var deletes = new Dictionary<string, List<DeleteItem>>();
        var summaries = new List<CollectionSummary>();
        var notKept = new List<NotKeptKey>();

        var ordered = CollectionOrder.ForCreation(options.Collections);
        foreach (var definition in ordered)
        {
            var name = definition.Name;
            var liveCollection = live.Collections.TryGetValue(name, out var found)
                ? found
                : new LiveCollection(definition, [], []);
            var index = indexes.TryGetValue(name, out var existing)
                ? existing
                : indexes[name] = new IdMapIndex(name, [], live.Placeholders);
            var liveById = liveCollection.Items.ToDictionary(i => i["id"]!.ToString(), StringComparer.Ordinal);
            var wanted = desired.Collections.TryGetValue(name, out var items) ? items : [];
            var wantedIds = wanted.Select(i => i.Value<string>("_syncId")!).ToHashSet(StringComparer.Ordinal);

            // Maps whose item was deleted outside the sync: removed first, their items created anew.
            var dangling = danglingMaps.GetValueOrDefault(name) ?? [];
            unmaps.AddRange(dangling.Select(m => new DeleteIdMap(name, m.SyncId, m.LocalId)));
            var danglingIds = dangling.Select(m => m.SyncId).ToHashSet(StringComparer.Ordinal);

            var toCreate = new List<CreateItem>();
            var toUpdate = new List<UpdateItem>();
            var unchanged = 0;
            foreach (var item in wanted)
            {
                var syncId = item.Value<string>("_syncId")!;
                var localId = index.LocalIdOf(syncId);
                if (localId is not null && index.IsVirtual(syncId))
                {
                    maps.Add(new CreateIdMap(name, syncId, localId, "default item of the target, met through its placeholder"));
                }

                if (localId is null && definition.IsSingleton && liveCollection.Items.Count > 0)
                {
                    localId = liveCollection.Items[0]["id"]!.ToString();
                    maps.Add(new CreateIdMap(name, syncId, localId, "the settings singleton"));
                }

                if (localId is null && (options.PreservesIds(definition) || !definition.HasIntegerIds) && liveById.ContainsKey(syncId) && index.SyncIdOf(syncId) is null)
                {
                    // The reference finds these by failing a create with RECORD_NOT_UNIQUE; we see them up front.
                    // New uuid items are created with their sync id as id, so this also adopts the items of a
                    // push that was interrupted between a create and its id map.
                    localId = syncId;
                    maps.Add(new CreateIdMap(name, syncId, localId, "item already exists but id map was missing"));
                }

                if (definition.IsSingleton && (localId is null || !liveById.ContainsKey(localId)))
                {
                    // Every instance has its settings row; one that cannot be read is not ours to create.
                    continue;
                }

                if (localId is null || !liveById.TryGetValue(localId, out var liveItem))
                {
                    toCreate.Add(new CreateItem(name, syncId, definition.Behavior.ForCreate(item, options.SyncPolicyRoles, notKept), options.PreservesIds(definition)));
                    continue;
                }

                var current = ItemNormalizer.ToDumpForm(definition, liveItem, syncId, SyncIdOf, options.SyncPolicyRoles);
                var changes = ChangedFields(item, current, definition, options, notKept);
                if (changes.Count == 0)
                {
                    unchanged++;
                    continue;
                }

                var before = new JObject();
                foreach (var property in changes.Properties())
                {
                    before[property.Name] = current[property.Name]?.DeepClone();
                }

                toUpdate.Add(new UpdateItem(name, syncId, localId, changes, before));
            }

            if (definition.HasIntegerIds && toCreate.Count > 0)
            {
                foreach (var (create, localId) in AdoptUnmapped(definition, liveCollection, index, live.Placeholders, toCreate, maps, SyncIdOf, options))
                {
                    maps.Add(new CreateIdMap(name, create.SyncId, localId, "same content as an unmapped item, created by an interrupted push"));
                    toCreate.Remove(create);
                    unchanged++;
                }
            }

            var toDelete = new List<DeleteItem>();
            if (!definition.IsSingleton)
            {
                foreach (var map in liveCollection.IdMaps)
                {
                    if (wantedIds.Contains(map.SyncId) || danglingIds.Contains(map.SyncId)
                        || Placeholders.IsPlaceholder(map.SyncId) || live.Placeholders.PlaceholderFor(name, map.LocalId) is not null)
                    {
                        // Default rows are never deleted, whatever sync id maps them: a dump without the admin
                        // role must not lock anyone out (the sync user's role may have been mapped before it was theirs).
                        continue;
                    }

                    var liveItem = liveById[map.LocalId];
                    toDelete.Add(new DeleteItem(name, map.SyncId, map.LocalId,
                        ItemNormalizer.ToDumpForm(definition, liveItem, map.SyncId, SyncIdOf, options.SyncPolicyRoles)));
                }
            }

            creates[name] = toCreate;
            updates[name] = [.. toUpdate.SelectMany(definition.Behavior.SplitUpdate)];
            deletes[name] = toDelete;
            summaries.Add(new CollectionSummary(name, dangling.Count, toCreate.Count, toUpdate.Count, toDelete.Count, unchanged));
        }

        // Ids as the target will have them once this plan's id maps exist (adopted items included).
        var planned = maps.OfType<CreateIdMap>().ToList();
        string? PlannedLocalId(string table, string syncId) =>
            (indexes.TryGetValue(table, out var index) ? index.LocalIdOf(syncId) : null)
            ?? planned.FirstOrDefault(m => m.Collection == table && m.SyncId == syncId)?.LocalId;
        string? PlannedSyncId(string table, string localId) =>
            SyncIdOf(table, localId) ?? planned.FirstOrDefault(m => m.Collection == table && m.LocalId == localId)?.SyncId;
        LiveCollection? LiveOf(string table) => synced.Contains(table) ? live.Collections.GetValueOrDefault(table) : null;

        var (orderedCreates, deferred) = OrderCreates(ordered, creates);
        foreach (var definition in ordered)
        {
            if (LiveOf(definition.Name) is not { } liveItems)
            {
                continue;
            }

            // Nested rows an update writes (a policy's access rows) are planned against the target now that every id map is known.
            UpdateItem Complete(UpdateItem u) => definition.Behavior.CompleteUpdate(u, liveItems, PlannedSyncId);
            updates[definition.Name] = [.. updates[definition.Name].Select(Complete)];
            deferred = [.. deferred.Select(d => d is UpdateItem u && u.Collection == definition.Name ? Complete(u) : d)];
        }

        // Steps of their own some collections add (operations release links, permissions remove duplicates).
        var plannedIds = new PlannedIds(PlannedSyncId, PlannedLocalId, planned);
        var steps = new Dictionary<string, CollectionSteps>(StringComparer.Ordinal);
        foreach (var definition in ordered)
        {
            if (LiveOf(definition.Name) is { } liveItems && definition.Behavior.PlanSteps(liveItems, plannedIds) is { } own)
            {
                steps[definition.Name] = own;
            }
        }

        var operations = new List<PlanOperation>();
        operations.AddRange(unmaps);
        operations.AddRange(maps);
        foreach (var run in Runs(orderedCreates))
        {
            if (steps.TryGetValue(run[0].Collection, out var own))
            {
                operations.AddRange(own.BeforeCreates(run.Cast<CreateItem>().ToList()));
            }

            operations.AddRange(run);
        }

        foreach (var run in Runs(deferred))
        {
            operations.AddRange(steps.TryGetValue(run[0].Collection, out var own) ? own.OrderDeferred(run.Cast<UpdateItem>().ToList()) : run);
        }

        foreach (var definition in ordered)
        {
            operations.AddRange(steps.TryGetValue(definition.Name, out var own) ? own.OrderUpdates(updates[definition.Name]) : updates[definition.Name]);
        }

        foreach (var definition in ordered.Reverse())
        {
            operations.AddRange(deletes[definition.Name]);
        }

        if (!options.StoresIdMaps)
        {
            // Derived maps follow the items: there is no row to write (and none dangles).
            operations.RemoveAll(o => o is CreateIdMap or DeleteIdMap);
        }

        var definitions = ordered.ToDictionary(d => d.Name, StringComparer.Ordinal);
        return new SyncPlan(schema, operations, summaries.OrderBy(s => CollectionOrder.ReferenceIndex(definitions[s.Collection])).ToList())
        {
            NotKept = notKept,
        };
    }

    /// <summary>Consecutive steps of one collection.</summary>
    private static IEnumerable<List<PlanOperation>> Runs(IEnumerable<PlanOperation> steps)
    {
        var run = new List<PlanOperation>();
        foreach (var step in steps)
        {
            if (run.Count > 0 && run[0].Collection != step.Collection)
            {
                yield return run;
                run = [];
            }

            run.Add(step);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>
    /// Integer-keyed items (presets, permissions) get their id from Directus, so a push interrupted between a create
    /// and its id map leaves an item nothing points at, and a re-run would create it again. Each item about to be
    /// created adopts instead the first unmapped live item whose content equals it field for field (as a diff
    /// compares them: fields the dump lacks and ignored fields aside), each live item at most once, in id order.
    /// </summary>
    /// <remarks>
    /// An unmapped item with the very content the dump asks for is, whoever made it, the item the push would
    /// create: adopting it leaves the target as creating would, minus the duplicate. Default rows met through a
    /// placeholder, and items another step of this plan maps, are never candidates.
    /// </remarks>
    private static List<(CreateItem Create, string LocalId)> AdoptUnmapped(
        CollectionDefinition definition,
        LiveCollection liveCollection,
        IdMapIndex index,
        PlaceholderTargets placeholders,
        List<CreateItem> toCreate,
        List<PlanOperation> maps,
        Func<string, string, string?> syncIdOf,
        DiffOptions options)
    {
        // Items mapped earlier in this plan (adopted uuid items, defaults met through a placeholder) count as mapped,
        // so that a relation to them compares by sync id, as the dump writes it.
        var planned = maps.OfType<CreateIdMap>().ToDictionary(m => (m.Collection, m.LocalId), m => m.SyncId);
        string? SyncIdOf(string table, string localId) => syncIdOf(table, localId) ?? planned.GetValueOrDefault((table, localId));

        var candidates = liveCollection.Items
            .Select(item => (Id: item["id"]!.ToString(), Item: item))
            .Where(c => index.SyncIdOf(c.Id) is null && placeholders.PlaceholderFor(definition.Name, c.Id) is null
                && !planned.ContainsKey((definition.Name, c.Id)))
            .OrderBy(c => long.TryParse(c.Id, out var n) ? n : long.MaxValue)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var adopted = new List<(CreateItem, string)>();
        foreach (var create in toCreate)
        {
            var match = candidates.FindIndex(c =>
                ChangedFields(create.Item, ItemNormalizer.ToDumpForm(definition, c.Item, create.SyncId, SyncIdOf, options.SyncPolicyRoles), definition, options, []).Count == 0);
            if (match >= 0)
            {
                adopted.Add((create, candidates[match].Id));
                candidates.RemoveAt(match);
            }
        }

        return adopted;
    }

    private static JObject ChangedFields(JObject wanted, JObject current, CollectionDefinition definition, DiffOptions options, List<NotKeptKey> notKept)
    {
        var syncId = wanted.Value<string>("_syncId")!;
        var changes = new JObject();
        foreach (var property in wanted.Properties())
        {
            if (property.Name is "_syncId" or "id" || definition.IgnoredFields.Contains(property.Name))
            {
                continue;
            }

            if (definition.Behavior.CompareField(property.Name, property.Value, current[property.Name], options.SyncPolicyRoles) is { } comparison)
            {
                if (comparison.NotKeptReason is { } reason)
                {
                    notKept.Add(new NotKeptKey(definition.Name, syncId, property.Name, reason));
                }

                if (comparison.Changed)
                {
                    changes[property.Name] = property.Value.DeepClone();
                }

                continue;
            }

            if (!current.ContainsKey(property.Name))
            {
                // Not a field of this Directus (an older or newer dump, a hand edit): Directus would drop it.
                notKept.Add(new NotKeptKey(definition.Name, syncId, property.Name, $"directus_{definition.Name} has no such field on the target"));
                continue;
            }

            // A field the dump lacks is left alone (never cleared), as in the reference.
            if (!JToken.DeepEquals(property.Value, current[property.Name]))
            {
                changes[property.Name] = property.Value.DeepClone();
            }
        }

        return changes;
    }

    /// <summary>
    /// Creates in collection order, and inside a collection after the items they point at (parent
    /// folders/roles, resolve/reject targets). A relation to an item created later is left out of the
    /// create and set by an update once it exists.
    /// </summary>
    private static (List<PlanOperation> Creates, List<PlanOperation> Deferred) OrderCreates(
        IReadOnlyList<CollectionDefinition> ordered,
        Dictionary<string, List<CreateItem>> creates)
    {
        var pendingAll = creates.SelectMany(c => c.Value).Select(c => (c.Collection, c.SyncId)).ToHashSet();
        var created = new HashSet<(string, string)>();
        var result = new List<PlanOperation>();
        var deferred = new List<PlanOperation>();

        foreach (var definition in ordered)
        {
            var pending = creates[definition.Name].ToList();
            while (pending.Count > 0)
            {
                bool IsReady(CreateItem c) => definition.Relations.Where(r => r.TargetCollection == definition.Name)
                    .SelectMany(r => r.Values(c.Item))
                    .Where(v => !ItemNormalizer.IsDynamic(v))
                    .All(v => !pendingAll.Contains((definition.Name, v.ToString())) || created.Contains((definition.Name, v.ToString())) || v.ToString() == c.SyncId);

                var ready = pending.Where(IsReady).ToList();
                if (ready.Count == 0)
                {
                    // A cycle inside the collection: take the first and defer its self-relations.
                    ready = [pending[0]];
                }

                foreach (var create in ready)
                {
                    var (item, later) = SplitForwardRelations(definition, create, created, pendingAll);
                    result.Add(create with { Item = item });
                    if (later.Count > 0)
                    {
                        deferred.Add(new UpdateItem(definition.Name, create.SyncId, null, later, new JObject(), IsDeferredRelation: true));
                    }

                    created.Add((definition.Name, create.SyncId));
                    pending.Remove(create);
                }
            }
        }

        return (result, deferred);
    }

    /// <summary>
    /// Splits a create into what can be sent now and the relation fields that point at items created
    /// after it (set by a deferred update).
    /// </summary>
    internal static (JObject Item, JObject Later) SplitForwardRelations(
        CollectionDefinition definition, CreateItem create, HashSet<(string, string)> created, HashSet<(string, string)> pendingAll)
    {
        var item = (JObject)create.Item.DeepClone();
        var later = new JObject();
        foreach (var relation in definition.Relations)
        {
            var forward = relation.Values(item).Any(v =>
                !ItemNormalizer.IsDynamic(v)
                && pendingAll.Contains((relation.TargetCollection, v.ToString()))
                && !created.Contains((relation.TargetCollection, v.ToString())));
            if (!forward)
            {
                continue;
            }

            // The whole top-level field moves to the later update (Directus replaces it whole anyway).
            var field = relation.TopLevelField;
            if (item[field] is { } value && !later.ContainsKey(field))
            {
                later[field] = value.DeepClone();
                if (relation.Segments.Count == 1)
                {
                    item[field] = JValue.CreateNull();
                }
                else if (relation.Segments.Any(s => s.EndsWith("[]", StringComparison.Ordinal)))
                {
                    // Rows of an array (a policy's access rows) are left to the later update, all of them: a
                    // row with its id nulled is another row (role null is the public access row), and rows
                    // sent now would be created again by the update, which sees no live item to match.
                    item.Remove(field);
                }
                else
                {
                    item[field] = StripForward(value, relation, created, pendingAll);
                }
            }
        }

        return (item, later);
    }

    private static JToken StripForward(JToken value, RelationPath relation, HashSet<(string, string)> created, HashSet<(string, string)> pendingAll)
    {
        // Nested relations (options.flow): keep the structure, null the forward ids.
        var wrapper = new JObject { [relation.TopLevelField] = value.DeepClone() };
        relation.Rewrite(wrapper, v =>
            !ItemNormalizer.IsDynamic(v) && pendingAll.Contains((relation.TargetCollection, v.ToString())) && !created.Contains((relation.TargetCollection, v.ToString()))
                ? JValue.CreateNull()
                : v);
        return wrapper[relation.TopLevelField]!;
    }
}
