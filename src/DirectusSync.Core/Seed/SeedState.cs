using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Seed;

/// <summary>Everything a seed diff or push reads before it writes: seeds, target shapes, id maps and target items.</summary>
internal sealed class SeedState
{
    private readonly Dictionary<string, Dictionary<string, string>> _localBySync = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _syncByLocal = new(StringComparer.Ordinal);

    public required SeedSet Set { get; init; }

    /// <summary>Where the maps come from (never <see cref="IdMapMode.Auto"/>: what the detection chose).</summary>
    public required IdMapMode Mode { get; init; }

    public required IReadOnlyDictionary<string, SeedTarget> Targets { get; init; }

    public Dictionary<string, IReadOnlyList<IdMap>> Maps { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyDictionary<string, JObject>> Live { get; } = new(StringComparer.Ordinal);

    /// <summary>Placeholder maps the push creates before anything else.</summary>
    public List<CreateIdMap> PendingMaps { get; } = [];

    public List<SeedCollectionDiff> Diffs { get; } = [];

    public void Index(string table, IEnumerable<IdMap> maps)
    {
        foreach (var map in maps)
        {
            Add(table, map.SyncId, map.LocalId);
        }
    }

    public void Add(string table, string syncId, string localId)
    {
        Table(_localBySync, table)[syncId] = localId;
        Table(_syncByLocal, table)[localId] = syncId;
    }

    public void Remove(string table, string syncId, string localId)
    {
        Table(_localBySync, table).Remove(syncId);
        Table(_syncByLocal, table).Remove(localId);
    }

    public bool IsLoaded(string table) => _localBySync.ContainsKey(table);

    public string? LocalIdOf(string table, string syncId) => Table(_localBySync, table).GetValueOrDefault(syncId);

    public string? SyncIdOf(string table, string localId) => Table(_syncByLocal, table).GetValueOrDefault(localId);

    private static Dictionary<string, string> Table(Dictionary<string, Dictionary<string, string>> index, string table)
    {
        if (!index.TryGetValue(table, out var rows))
        {
            rows = new Dictionary<string, string>(StringComparer.Ordinal);
            index[table] = rows;
        }

        return rows;
    }
}
