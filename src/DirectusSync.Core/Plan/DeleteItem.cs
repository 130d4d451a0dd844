using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Plan;

/// <summary>Delete a tracked item that the dump no longer has, then its id map.</summary>
/// <param name="Collection">The collection.</param>
/// <param name="SyncId">The sync id.</param>
/// <param name="LocalId">The id on the target.</param>
/// <param name="Item">The target's item as it would be dumped (for reports and the deletion guard).</param>
public sealed record DeleteItem(string Collection, string SyncId, string LocalId, JObject Item) : PlanOperation(Collection, SyncId)
{
    /// <inheritdoc />
    public override string Kind => "delete";

    /// <summary>Why the step is planned, in words, when the planner says it (a seed push gives every step one), or null.</summary>
    public string? Reason { get; init; }
}
