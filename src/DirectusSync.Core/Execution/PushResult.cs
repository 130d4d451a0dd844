namespace DirectusSync.Core.Execution;

/// <summary>What a push did, per collection.</summary>
/// <param name="SchemaApplied">True when schema changes were applied.</param>
/// <param name="Counts">Per collection: created, updated, deleted items and removed dangling maps.</param>
public sealed record PushResult(bool SchemaApplied, IReadOnlyDictionary<string, PushCounts> Counts);
