namespace DirectusSync.Core.Seed;

/// <summary>Every seed of one collection, merged.</summary>
/// <param name="Collection">The collection.</param>
/// <param name="Meta">The merged meta.</param>
/// <param name="Items">The items of every seed, in load order.</param>
/// <param name="Files">The files that seed it, in load order.</param>
public sealed record SeedCollection(string Collection, SeedMeta Meta, IReadOnlyList<SeedItem> Items, IReadOnlyList<string> Files)
{
    /// <summary>The collection's table in directus-extension-sync's id map (<c>users</c>, <c>files</c>, <c>items::&lt;name&gt;</c>).</summary>
    public string IdMapTable => SeedTables.IdMapTable(Collection);
}
