namespace DirectusSync.Core.Workflow;

/// <summary>
/// The thresholds of the item rule of the <see cref="DeletionGuard"/>. The defaults let a reviewed edit through
/// (deleting one, two or three items of a collection, even its only item) and stop what the guard exists for:
/// an emptied or truncated file, mass deletion, a dump pulled from another instance.
/// </summary>
public sealed record DeletionGuardPolicy
{
    /// <summary>The rule every front end applies.</summary>
    public static DeletionGuardPolicy Default { get; } = new();

    /// <summary>Up to this many deletions in one collection always pass (3).</summary>
    public int SmallEdit { get; init; } = 3;

    /// <summary>
    /// Above <see cref="SmallEdit"/>, a collection stops when it would lose more than this share of its tracked
    /// items (0.25: more than a quarter).
    /// </summary>
    public double CollectionShare { get; init; } = 0.25;

    /// <summary>A push stops when it would delete more than this many items in all, however spread (25).</summary>
    public int MassDeletion { get; init; } = 25;

    /// <summary>
    /// A push that deletes more than <see cref="SmallEdit"/> items stops when more than this share of the dump's
    /// items are unknown to the target (0.5): the dump was pulled from another instance, or its sync ids were
    /// regenerated, and a mirror push would replace the target's items rather than edit them.
    /// </summary>
    public double ForeignShare { get; init; } = 0.5;
}
