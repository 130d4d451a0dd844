using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Tests.Diff;

/// <summary>
/// A plan read as one line per step, so a test states "the plan is exactly these steps in this order":
/// <c>unmap</c>, <c>map … to &lt;local id&gt;</c>, <c>create</c> (<c>… with its id</c> when ids are preserved),
/// <c>deferred update … : fields</c>, <c>update … : fields</c>, <c>delete</c>, <c>remove duplicate permission &lt;id&gt; for …</c>,
/// <c>release resolve of … for …</c>.
/// </summary>
internal static class PlanAssertions
{
    public static IReadOnlyList<string> Steps(this SyncPlan plan) => plan.Operations.Select(Describe).ToList();

    public static string Describe(PlanOperation operation) => operation switch
    {
        DeleteIdMap unmap => $"unmap {unmap.Collection} {unmap.SyncId}",
        CreateIdMap map => $"map {map.Collection} {map.SyncId} to {map.LocalId}",
        CreateItem create => $"create {create.Collection} {create.SyncId}" + (create.PreserveId ? " with its id" : string.Empty),
        UpdateItem { IsDeferredRelation: true } link => $"deferred update {link.Collection} {link.SyncId}: {Fields(link)}",
        UpdateItem update => $"update {update.Collection} {update.SyncId}: {Fields(update)}",
        DeleteItem delete => $"delete {delete.Collection} {delete.SyncId}",
        DeleteDuplicatePermission duplicate => $"remove duplicate permission {duplicate.LocalId} for {duplicate.SyncId}",
        ReleaseOperationLink release => $"release {release.Field} of {release.SyncId} for {release.ReleasedFor}",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown plan step."),
    };

    /// <summary>The only step of that kind for that item.</summary>
    public static T Step<T>(this SyncPlan plan, string collection, string syncId)
        where T : PlanOperation
    {
        var matching = plan.Operations.OfType<T>().Where(o => o.Collection == collection && o.SyncId == syncId).ToList();
        matching.Should().ContainSingle($"the plan should have one {typeof(T).Name} for {collection} {syncId}; it has: {string.Join(" | ", plan.Steps())}");
        return matching[0];
    }

    public static CollectionSummary Summary(this SyncPlan plan, string collection) =>
        plan.Summaries.Single(s => s.Collection == collection);

    private static string Fields(UpdateItem update) => string.Join(", ", update.Changes.Properties().Select(p => p.Name));
}
