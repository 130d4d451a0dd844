using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Sync;

/// <summary>A collection where a push would delete too much.</summary>
/// <param name="Collection">The collection.</param>
/// <param name="Tracked">How many of its items have an id map on the target.</param>
/// <param name="Deletes">What the push would delete.</param>
public sealed record DeletionGuardViolation(string Collection, int Tracked, IReadOnlyList<DeleteItem> Deletes);
