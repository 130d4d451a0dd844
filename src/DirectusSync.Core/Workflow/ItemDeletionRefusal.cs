using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Workflow;

/// <summary>Item deletions the <see cref="DeletionGuard"/> stops, and why.</summary>
/// <param name="Collection">The collection, or null when the reason concerns the whole push.</param>
/// <param name="Reason">Why, in words (counts and the threshold crossed).</param>
/// <param name="Deletes">The deletions concerned.</param>
public sealed record ItemDeletionRefusal(string? Collection, string Reason, IReadOnlyList<DeleteItem> Deletes);
