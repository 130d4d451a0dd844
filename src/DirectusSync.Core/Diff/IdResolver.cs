using DirectusSync.Core.Model;

namespace DirectusSync.Core.Diff;

/// <summary>sync id → local id on the target, growing as the executor maps and creates items.</summary>
public sealed class IdResolver
{
    private readonly Dictionary<(string Table, string SyncId), string> _local = new();

    /// <summary>Seeds the resolver with the target's maps (dangling ones excluded) and placeholders.</summary>
    public IdResolver(LiveState live, IEnumerable<(string Table, string SyncId)> dangling)
    {
        var skip = dangling.ToHashSet();
        foreach (var (table, collection) in live.Collections)
        {
            foreach (var (syncId, localId) in new IdMapIndex(table, collection.IdMaps, live.Placeholders).Pairs)
            {
                if (!skip.Contains((table, syncId)))
                {
                    _local[(table, syncId)] = localId;
                }
            }
        }

        foreach (var (table, syncId, localId) in live.Placeholders.All())
        {
            _local.TryAdd((table, syncId), localId);
        }
    }

    /// <summary>The local id, or null.</summary>
    public string? LocalIdOf(string table, string syncId)
    {
        lock (_local)
        {
            return _local.GetValueOrDefault((table, syncId));
        }
    }

    /// <summary>Records a new or adopted item.</summary>
    public void Add(string table, string syncId, string localId)
    {
        lock (_local)
        {
            _local[(table, syncId)] = localId;
        }
    }

    /// <summary>Forgets a deleted item.</summary>
    public void Remove(string table, string syncId)
    {
        lock (_local)
        {
            _local.Remove((table, syncId));
        }
    }
}
