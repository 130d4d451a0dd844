using DirectusSync.Core.Model;

namespace DirectusSync.Core.Diff;

/// <summary>
/// Both directions of one table's id map on the target, with the placeholders folded in: a default row
/// that has no map yet is found through its <c>_sync_default_*</c> id as if it had one.
/// </summary>
public sealed class IdMapIndex
{
    private readonly Dictionary<string, string> _localBySync = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _syncByLocal = new(StringComparer.Ordinal);
    private readonly HashSet<string> _virtual = new(StringComparer.Ordinal);

    /// <summary>Indexes a table's maps and the placeholders that point into it.</summary>
    public IdMapIndex(string table, IEnumerable<IdMap> maps, PlaceholderTargets placeholders)
    {
        Table = table;
        foreach (var map in maps)
        {
            _localBySync[map.SyncId] = map.LocalId;
            _syncByLocal[map.LocalId] = map.SyncId;
        }

        foreach (var (placeholderTable, syncId, localId) in placeholders.All())
        {
            if (placeholderTable == table && !_localBySync.ContainsKey(syncId) && !_syncByLocal.ContainsKey(localId))
            {
                _localBySync[syncId] = localId;
                _syncByLocal[localId] = syncId;
                _virtual.Add(syncId);
            }
        }
    }

    /// <summary>The table.</summary>
    public string Table { get; }

    /// <summary>The local id of a sync id, or null.</summary>
    public string? LocalIdOf(string syncId) => _localBySync.GetValueOrDefault(syncId);

    /// <summary>The sync id of a local id, or null.</summary>
    public string? SyncIdOf(string localId) => _syncByLocal.GetValueOrDefault(localId);

    /// <summary>True when the map exists only through a placeholder and must be created before use.</summary>
    public bool IsVirtual(string syncId) => _virtual.Contains(syncId);

    /// <summary>Every (sync id, local id) pair, real maps and placeholders.</summary>
    public IEnumerable<(string SyncId, string LocalId)> Pairs => _localBySync.Select(p => (p.Key, p.Value));
}
