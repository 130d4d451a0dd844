using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Sync;

/// <summary>What a pull wrote.</summary>
/// <param name="Server">The source's version and name.</param>
/// <param name="ItemCounts">Items written per collection.</param>
/// <param name="SnapshotWritten">True when the snapshot was written.</param>
public sealed record PullResult(ServerInfo Server, IReadOnlyDictionary<string, int> ItemCounts, bool SnapshotWritten)
{
    /// <summary>Where the id maps came from (the mode the detection chose, for <c>auto</c>).</summary>
    public DirectusSync.Core.Model.IdMapMode IdMaps { get; init; } = DirectusSync.Core.Model.IdMapMode.Extension;
}
