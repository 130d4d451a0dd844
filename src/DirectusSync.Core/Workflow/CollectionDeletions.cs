using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Workflow;

/// <summary>One collection as the deletion guard's item rule sees it.</summary>
/// <param name="Collection">The collection.</param>
/// <param name="Tracked">How many of its items are tracked (mapped) on the target.</param>
/// <param name="Deletes">What a push would delete in it.</param>
public sealed record CollectionDeletions(string Collection, int Tracked, IReadOnlyList<DeleteItem> Deletes);
