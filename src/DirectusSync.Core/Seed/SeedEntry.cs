namespace DirectusSync.Core.Seed;

/// <summary>One <c>{collection, meta, data}</c> object of a seed file, as read.</summary>
/// <param name="SourceFile">The file it was read from (absolute path).</param>
/// <param name="Collection">The collection it seeds.</param>
/// <param name="Meta">Its meta, defaults filled in.</param>
/// <param name="Data">Its items, in file order.</param>
public sealed record SeedEntry(string SourceFile, string Collection, SeedMeta Meta, IReadOnlyList<SeedItem> Data);
