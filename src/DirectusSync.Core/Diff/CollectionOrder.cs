using DirectusSync.Core.Model;

namespace DirectusSync.Core.Diff;

/// <summary>
/// Orders collections so that an item's relation targets exist before it is created, from the declared
/// relations rather than the reference's blind retries. A cycle (flows ↔ operations) is broken at the
/// collection that comes first in the reference order; its forward relations are set by a later update.
/// </summary>
public static class CollectionOrder
{
    /// <summary>The collections in creation order.</summary>
    public static IReadOnlyList<CollectionDefinition> ForCreation(IEnumerable<CollectionDefinition> collections)
    {
        var remaining = collections.OrderBy(c => ReferenceIndex(c)).ToList();
        var names = remaining.Select(c => c.Name).ToHashSet();
        var ordered = new List<CollectionDefinition>();
        while (remaining.Count > 0)
        {
            var placed = ordered.Select(c => c.Name).ToHashSet();
            var ready = remaining.FirstOrDefault(c => c.Relations
                .Select(r => r.TargetCollection)
                .Where(t => t != c.Name && names.Contains(t))
                .All(placed.Contains));
            var next = ready ?? remaining[0];
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }

    /// <summary>The position in the reference's fixed order.</summary>
    public static int ReferenceIndex(CollectionDefinition collection)
    {
        for (var i = 0; i < SystemCollections.All.Count; i++)
        {
            if (SystemCollections.All[i].Name == collection.Name)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
