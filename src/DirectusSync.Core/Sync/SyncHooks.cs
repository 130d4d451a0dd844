namespace DirectusSync.Core.Sync;

/// <summary>All hooks: per collection (by short name) and for the snapshot.</summary>
public sealed record SyncHooks
{
    /// <summary>Hooks by collection short name (roles, flows, …).</summary>
    public IReadOnlyDictionary<string, CollectionHooks> Collections { get; init; } = new Dictionary<string, CollectionHooks>();

    /// <summary>Snapshot hooks.</summary>
    public SnapshotHooks Snapshot { get; init; } = new();

    /// <summary>The hooks of one collection (empty when none).</summary>
    public CollectionHooks For(string collection) => Collections.TryGetValue(collection, out var hooks) ? hooks : Empty;

    private static readonly CollectionHooks Empty = new();
}
