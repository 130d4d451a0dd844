namespace DirectusSync.Core.Model;

/// <summary>What the target holds: the synced collections with items, relation targets with at least their maps.</summary>
/// <param name="Collections">By short name.</param>
/// <param name="Placeholders">Where the <c>_sync_default_*</c> ids point on the target.</param>
public sealed record LiveState(IReadOnlyDictionary<string, LiveCollection> Collections, PlaceholderTargets Placeholders);
