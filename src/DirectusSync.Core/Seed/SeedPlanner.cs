using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Seed;

/// <summary>
/// Turns the diffs of the seeded collections into a <see cref="SeedPlan"/>, without any I/O: the operations a seed
/// push sends, in order, each with its reason. The executor only turns them into requests.
/// </summary>
public static class SeedPlanner
{
    /// <summary>The plan of a seed push.</summary>
    /// <param name="seeds">The seeded collections, in push order.</param>
    /// <param name="targets">How each seeded collection looks on the target.</param>
    /// <param name="diffs">One diff per seeded collection, in push order.</param>
    /// <param name="placeholders">Placeholder maps the push creates first (a seed's <c>_sync_default_admin_role</c>).</param>
    /// <param name="isMapped">True when an id-map table maps a sync id to an existing item before the push (placeholders included).</param>
    /// <param name="liveItem">The target's item of a collection by local id, or null (for the "before" values of updates).</param>
    public static SeedPlan Plan(
        IReadOnlyList<SeedCollection> seeds,
        IReadOnlyDictionary<string, SeedTarget> targets,
        IReadOnlyList<SeedCollectionDiff> diffs,
        IReadOnlyList<CreateIdMap> placeholders,
        Func<string, string, bool> isMapped,
        Func<string, string, JObject?> liveItem)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(diffs);
        var byName = seeds.ToDictionary(s => s.Collection, StringComparer.Ordinal);
        var operations = new List<PlanOperation>(placeholders);

        foreach (var diff in diffs)
        {
            operations.AddRange(diff.Dangling.Select(m => new DeleteIdMap(diff.Collection, m.SyncId, m.LocalId)
            {
                Reason = $"the target item {m.LocalId} it maps is gone (deleted outside the seed)",
            }));
        }

        var (creates, passes, stuck) = Creates(byName, targets, diffs, isMapped);
        operations.AddRange(creates);

        foreach (var diff in diffs)
        {
            operations.AddRange(diff.Updates.Select(u => new UpdateItem(diff.Collection, u.Item.SyncId, u.LocalId, u.Changes, Before(liveItem(diff.Collection, u.LocalId), u.Changes))
            {
                Reason = $"differs from the target in {string.Join(", ", u.Changes.Properties().Select(p => p.Name))}",
            }));
        }

        // Dependents first: a seed pushed later may point at one pushed earlier.
        foreach (var diff in diffs.Reverse())
        {
            operations.AddRange(diff.Deletes.Select(m => new DeleteItem(diff.Collection, m.SyncId, m.LocalId, new JObject())
            {
                Reason = $"tracked on the target (id map {SeedTables.IdMapTable(diff.Collection)}) but in no seed, and the seed's meta allows deletes",
            }));
        }

        var summaries = diffs.Select(d => new CollectionSummary(d.Collection, d.Dangling.Count, d.Creates.Count, d.Updates.Count, d.Deletes.Count, d.Unchanged)).ToList();
        return new SeedPlan(new SyncPlan(null, operations, summaries), passes.Count == 0 ? 0 : passes.Values.Max(), stuck) { Passes = passes };
    }

    /// <summary>
    /// The creates, pass by pass: a pass goes through the new items in push order and creates each one whose
    /// relations point at items that exist by then (mapped already, or created earlier in the plan).
    /// </summary>
    private static (List<CreateItem> Creates, Dictionary<(string, string), int> Passes, List<CreateItem> Stuck) Creates(
        IReadOnlyDictionary<string, SeedCollection> seeds,
        IReadOnlyDictionary<string, SeedTarget> targets,
        IReadOnlyList<SeedCollectionDiff> diffs,
        Func<string, string, bool> isMapped)
    {
        var created = new HashSet<(string Table, string SyncId)>();
        var creates = new List<CreateItem>();
        var passes = new Dictionary<(string, string), int>();
        var pending = diffs.SelectMany(d => d.Creates.Select(item => (Seed: seeds[d.Collection], Diff: d, Item: item))).ToList();
        var pass = 0;
        while (pending.Count > 0)
        {
            pass++;
            var next = pending.Take(0).ToList();
            foreach (var p in pending)
            {
                var target = targets[p.Seed.Collection];
                var resolves = target.Relations.Values.All(r => p.Item.Fields[r.Field] is not JValue { Type: not JTokenType.Null } value
                    || isMapped(r.IdMapTable, value.ToString()) || created.Contains((r.IdMapTable, value.ToString())));
                if (!resolves)
                {
                    next.Add(p);
                    continue;
                }

                // Later items of the same pass may point at this one: it exists by the time they are sent.
                creates.Add(Create(p.Seed, p.Diff, p.Item, pass));
                passes[(p.Seed.Collection, p.Item.SyncId)] = pass;
                created.Add((p.Seed.IdMapTable, p.Item.SyncId));
            }

            if (next.Count == pending.Count)
            {
                return (creates, passes, [.. next.Select(p => Create(p.Seed, p.Diff, p.Item, pass))]);
            }

            pending = next;
        }

        return (creates, passes, []);
    }

    private static CreateItem Create(SeedCollection seed, SeedCollectionDiff diff, SeedItem item, int pass)
    {
        var reasons = new List<string>
        {
            diff.Dangling.FirstOrDefault(m => m.SyncId == item.SyncId) is { } gone
                ? $"its target item {gone.LocalId} is gone: created again"
                : "no item of the target is mapped to this sync id",
        };
        if (seed.Meta.PreserveIds)
        {
            reasons.Add("with the sync id as primary key (preserve_ids)");
        }

        if (item.FilePath is not null && seed.Collection == SeedTables.Files)
        {
            reasons.Add($"uploaded from {item.FilePath} (one request per file), then the fields Directus sets its own way on upload are written again");
        }

        if (pass > 1)
        {
            reasons.Add($"pass {pass}: after the new items it points at");
        }

        return new CreateItem(seed.Collection, item.SyncId, (JObject)item.Fields.DeepClone(), seed.Meta.PreserveIds) { Reason = string.Join("; ", reasons) };
    }

    private static JObject Before(JObject? live, JObject changes)
    {
        var before = new JObject();
        foreach (var property in changes.Properties())
        {
            if (live?[property.Name] is { } value)
            {
                before[property.Name] = value.DeepClone();
            }
        }

        return before;
    }
}
