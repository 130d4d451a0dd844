namespace DirectusSync.Core.Seed;

/// <summary>A seed push that cannot finish: circular references between new items, or too many create passes.</summary>
public sealed class SeedPushException(string message) : Exception(message);
