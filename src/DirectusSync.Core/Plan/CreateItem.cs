using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Plan;

/// <summary>Create an item that the dump has and the target lacks, then map it to its sync id.</summary>
/// <param name="Collection">The collection.</param>
/// <param name="SyncId">The sync id (also the new id when ids are preserved).</param>
/// <param name="Item">The item as in the dump (relations hold sync ids), without the fields deferred to a later update.</param>
/// <param name="PreserveId">Create it with <c>id = SyncId</c>.</param>
public sealed record CreateItem(string Collection, string SyncId, JObject Item, bool PreserveId) : PlanOperation(Collection, SyncId)
{
    /// <inheritdoc />
    public override string Kind => "create";

    /// <summary>Why the step is planned, in words, when the planner says it (a seed push gives every step one), or null.</summary>
    public string? Reason { get; init; }
}
