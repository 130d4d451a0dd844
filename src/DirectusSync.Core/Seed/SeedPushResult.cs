using DirectusSync.Core.Execution;

namespace DirectusSync.Core.Seed;

/// <summary>What a seed push did.</summary>
/// <param name="Counts">Created, updated, deleted and dangling counts, by collection.</param>
/// <param name="Passes">How many create passes it took.</param>
public sealed record SeedPushResult(IReadOnlyDictionary<string, PushCounts> Counts, int Passes);
