using DirectusSync.Core.Transport;
using DirectusSync.Core.Model;

namespace DirectusSync.Core.Seed;

/// <summary>What a seed push would do to one collection.</summary>
/// <param name="Collection">The collection.</param>
/// <param name="Dangling">Maps whose target item is gone (removed before anything else).</param>
/// <param name="Creates">Seed items with no target item (when the meta allows creates).</param>
/// <param name="Updates">Seed items whose target item differs (when the meta allows updates).</param>
/// <param name="Deletes">Maps of target items no seed holds (when the meta allows deletes).</param>
/// <param name="Unchanged">Seed items equal to their target item.</param>
public sealed record SeedCollectionDiff(
    string Collection,
    IReadOnlyList<IdMap> Dangling,
    IReadOnlyList<SeedItem> Creates,
    IReadOnlyList<SeedUpdate> Updates,
    IReadOnlyList<IdMap> Deletes,
    int Unchanged)
{
    /// <summary>True when a push would change nothing in this collection.</summary>
    public bool IsEmpty => Dangling.Count == 0 && Creates.Count == 0 && Updates.Count == 0 && Deletes.Count == 0;
}
