using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Sync;

/// <summary>What a pull wrote.</summary>
/// <param name="Server">The source's version and name.</param>
/// <param name="ItemCounts">Items written per collection.</param>
/// <param name="SnapshotWritten">True when the snapshot was written.</param>
public sealed record PullResult(ServerInfo Server, IReadOnlyDictionary<string, int> ItemCounts, bool SnapshotWritten);
