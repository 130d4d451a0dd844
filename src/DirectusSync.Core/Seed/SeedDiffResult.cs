namespace DirectusSync.Core.Seed;

/// <summary>What a seed push would do, per collection in push order.</summary>
/// <param name="Collections">One diff per seeded collection.</param>
public sealed record SeedDiffResult(IReadOnlyList<SeedCollectionDiff> Collections)
{
    /// <summary>True when a push would change nothing.</summary>
    public bool IsEmpty => Collections.All(c => c.IsEmpty);

    /// <summary>Every operation a seed push would send, in order, with its reason.</summary>
    public required SeedPlan Plan { get; init; }
}
