using DirectusSync.Core.Diff;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Model;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// Decides which deletions of a plan need the user's consent. Pure: the plan, the target's state it was computed
/// from and the schema deletions (rows counted by the caller) in, a verdict out. The rule, for every front end:
/// <list type="bullet">
/// <item>Dropping a collection, a field or a relation always needs <c>--allow-schema-deletes</c>.</item>
/// <item>Items: up to <see cref="DeletionGuardPolicy.SmallEdit"/> deletions in a collection pass (a reviewed edit,
/// even of a collection's only item). Above that, a collection stops when it would lose more than
/// <see cref="DeletionGuardPolicy.CollectionShare"/> of its tracked items (an emptied or truncated file).</item>
/// <item>A push stops when it deletes more than <see cref="DeletionGuardPolicy.MassDeletion"/> items in all, or more
/// than <see cref="DeletionGuardPolicy.SmallEdit"/> while most of the dump's items are unknown to the target (a
/// foreign dump). <c>--allow-deletes</c> lets item deletions through.</item>
/// <item>A scoped consent (<see cref="DeletionConsent.Only"/>) allows exactly the deletions it names and nothing else.</item>
/// </list>
/// </summary>
public static class DeletionGuard
{
    /// <summary>The verdict on <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan of one push pass (already filtered by the push mode).</param>
    /// <param name="live">The target's state the plan was computed from (tracked items per collection).</param>
    /// <param name="schema">The plan's schema deletions (<see cref="SchemaDeletions.Find"/>), rows counted.</param>
    /// <param name="consent">What the user consented to.</param>
    /// <param name="policy">The thresholds (<see cref="DeletionGuardPolicy.Default"/> when null).</param>
    public static DeletionGuardVerdict Check(SyncPlan plan, LiveState live, IReadOnlyList<SchemaDeletion> schema, DeletionConsent consent,
        DeletionGuardPolicy? policy = null)
    {
        var deletes = plan.Operations.OfType<DeleteItem>().ToList();
        if (consent.Only is { } only)
        {
            var outside = deletes.Where(d => !only.Contains(PlannedDeletions.ItemKey(d))).ToList();
            return new DeletionGuardVerdict(
                outside.Count == 0 ? [] : [new ItemDeletionRefusal(null, $"the push would delete {outside.Count} item(s) outside the deletions consented to", outside)],
                schema.Where(s => !only.Contains(s.Key)).ToList());
        }

        return new DeletionGuardVerdict(
            consent.Items ? [] : CheckItems(plan, live, deletes, policy ?? DeletionGuardPolicy.Default),
            consent.Schema ? [] : schema);
    }

    private static IReadOnlyList<ItemDeletionRefusal> CheckItems(SyncPlan plan, LiveState live, List<DeleteItem> deletes, DeletionGuardPolicy policy) =>
        CheckItems(
            deletes.GroupBy(d => d.Collection, StringComparer.Ordinal)
                .Select(g => new CollectionDeletions(g.Key, live.Collections.TryGetValue(g.Key, out var collection) ? collection.IdMaps.Count : 0, g.ToList())),
            unknown: plan.Summaries.Sum(s => s.ToCreate),
            known: plan.Summaries.Sum(s => s.ToUpdate + s.Unchanged),
            policy);

    /// <summary>
    /// The item rule alone, for deletions that are not a sync plan's (a seed push): the same thresholds for every
    /// kind of push.
    /// </summary>
    /// <param name="collections">Per collection: how many items it tracks on the target, and what would be deleted.</param>
    /// <param name="unknown">Items of the dump the target does not know (creates).</param>
    /// <param name="known">Items of the dump the target knows (updates and unchanged).</param>
    /// <param name="policy">The thresholds (<see cref="DeletionGuardPolicy.Default"/> when null).</param>
    public static IReadOnlyList<ItemDeletionRefusal> CheckItems(IEnumerable<CollectionDeletions> collections, int unknown, int known, DeletionGuardPolicy? policy = null)
    {
        policy ??= DeletionGuardPolicy.Default;
        var refusals = new List<ItemDeletionRefusal>();
        var deletes = new List<DeleteItem>();
        foreach (var (collection, tracked, collectionDeletes) in collections)
        {
            deletes.AddRange(collectionDeletes);
            var count = collectionDeletes.Count;
            if (count > policy.SmallEdit && count > tracked * policy.CollectionShare)
            {
                refusals.Add(new ItemDeletionRefusal(collection,
                    $"the push would delete {count} of {tracked} tracked item(s), more than {Percent(policy.CollectionShare)} (a missing or emptied file deletes everything)",
                    collectionDeletes));
            }
        }

        if (deletes.Count > policy.MassDeletion)
        {
            refusals.Add(new ItemDeletionRefusal(null, $"the push would delete {deletes.Count} items in all, more than {policy.MassDeletion} (mass deletion)", deletes));
        }

        // Items the dump has that the target does not know (creates) against those it knows (updates, unchanged).
        var dumped = unknown + known;
        if (deletes.Count > policy.SmallEdit && dumped > 0 && unknown > dumped * policy.ForeignShare)
        {
            refusals.Add(new ItemDeletionRefusal(null,
                $"the push would delete {deletes.Count} items while {unknown} of the dump's {dumped} items are unknown to the target: the dump looks pulled from another instance",
                deletes));
        }

        return refusals;
    }

    private static string Percent(double share) => share switch
    {
        0.25 => "a quarter",
        0.5 => "half",
        _ => share.ToString("P0", System.Globalization.CultureInfo.InvariantCulture),
    };
}
