using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Seed;

/// <summary>
/// What a seed push would send, as the operations of a sync plan (the same records the system sync plans, each with
/// its reason): placeholder maps created, dangling maps removed, creates in dependency order, updates, and deletes
/// dependents first. In every operation, <see cref="PlanOperation.Collection"/> is the Directus collection name
/// (<c>articles</c>, <c>directus_users</c>); its id-map table is <see cref="SeedTables.IdMapTable"/> of it.
/// </summary>
/// <param name="Plan">The operations, in the order a push sends them, and per-collection counts.</param>
/// <param name="CreatePasses">
/// How many create passes the creates take: a pass creates, in push order, every new item whose relations point at
/// items that exist by then; an item pointing at a new item seeded after it waits for the next pass.
/// </param>
/// <param name="Stuck">New items that no pass can create (they point at each other in a circle); not in <paramref name="Plan"/>.</param>
public sealed record SeedPlan(SyncPlan Plan, int CreatePasses, IReadOnlyList<CreateItem> Stuck)
{
    /// <summary>The creates of passes after <paramref name="passes"/> (what a push bounded to that many passes would leave).</summary>
    public IReadOnlyList<CreateItem> CreatesAfterPass(int passes) =>
        [.. Plan.Operations.OfType<CreateItem>().Where(c => PassOf(c) > passes)];

    /// <summary>The pass of a create of this plan.</summary>
    public int PassOf(CreateItem create) => Passes.GetValueOrDefault((create.Collection, create.SyncId), 1);

    /// <summary>The pass of each create, by collection and sync id.</summary>
    internal IReadOnlyDictionary<(string Collection, string SyncId), int> Passes { get; init; } = new Dictionary<(string, string), int>();
}
