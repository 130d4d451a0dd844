using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Diff;

/// <summary>
/// Proves, before anything is written, that every relation of every create and update will resolve:
/// to a map on the target, a placeholder, or an item the plan creates. The reference finds out by
/// retrying up to 20 times after having written half of the push.
/// </summary>
public static class PlanValidator
{
    /// <summary>Throws <see cref="PlanValidationException"/> listing every unresolvable relation.</summary>
    public static void Validate(SyncPlan plan, LiveState live, string collectionsFolder)
    {
        var dangling = plan.Operations.OfType<DeleteIdMap>().Select(d => (d.Collection, d.SyncId));
        var resolver = new IdResolver(live, dangling);
        var created = plan.Operations.OfType<CreateItem>().Select(c => (c.Collection, c.SyncId)).ToHashSet();
        var adopted = plan.Operations.OfType<CreateIdMap>().Select(c => (c.Collection, c.SyncId)).ToHashSet();
        var deleted = plan.Operations.OfType<DeleteItem>().Select(d => (d.Collection, d.SyncId)).ToHashSet();
        var problems = new List<string>();

        void Check(string collection, string syncId, JObject item)
        {
            var definition = SystemCollections.Get(collection);
            foreach (var relation in definition.Relations)
            {
                foreach (var value in relation.Values(item).Where(v => !ItemNormalizer.IsDynamic(v)))
                {
                    var target = value.ToString();
                    if (deleted.Contains((relation.TargetCollection, target)))
                    {
                        problems.Add($"{Path.Combine(collectionsFolder, collection + ".json")}: item {syncId}, field {relation.Text}: " +
                                     $"'{target}' is a {relation.TargetCollection} item that the same push deletes (it is not in {relation.TargetCollection}.json)");
                        continue;
                    }

                    if (resolver.LocalIdOf(relation.TargetCollection, target) is null
                        && !created.Contains((relation.TargetCollection, target))
                        && !adopted.Contains((relation.TargetCollection, target)))
                    {
                        problems.Add($"{Path.Combine(collectionsFolder, collection + ".json")}: item {syncId}, field {relation.Text}: " +
                                     $"'{target}' is not a {relation.TargetCollection} sync id in the dump nor on the target");
                    }
                }
            }
        }

        foreach (var operation in plan.Operations)
        {
            switch (operation)
            {
                case CreateItem create:
                    Check(create.Collection, create.SyncId, create.Item);
                    break;
                case UpdateItem update:
                    Check(update.Collection, update.SyncId, update.Changes);
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new PlanValidationException(problems);
        }
    }
}
