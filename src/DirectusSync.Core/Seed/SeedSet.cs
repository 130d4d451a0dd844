using DirectusSync.Core.Storage;

namespace DirectusSync.Core.Seed;

/// <summary>
/// The seeds to push: one merged <see cref="SeedCollection"/> per collection, in push order (insert_order
/// ascending first, then load order).
/// </summary>
public sealed class SeedSet
{
    private SeedSet(IReadOnlyList<SeedCollection> collections) => Collections = collections;

    /// <summary>The collections, in push order.</summary>
    public IReadOnlyList<SeedCollection> Collections { get; }

    /// <summary>Merges and orders seeds, and checks what needs no server: supported collections, unique sync ids, files' paths.</summary>
    /// <exception cref="DumpFileException">A seed names an unsupported collection, repeats a sync id, or a file seed has no <c>_file_path</c>.</exception>
    public static SeedSet From(IEnumerable<SeedEntry> entries)
    {
        var merged = new List<SeedCollection>();
        foreach (var entry in entries)
        {
            if (!SeedTables.IsSeedable(entry.Collection))
            {
                throw new DumpFileException(entry.SourceFile,
                    $"collection \"{entry.Collection}\" cannot be seeded: seeds support custom collections, {SeedTables.Users} and {SeedTables.Files}");
            }

            if (entry.Collection == SeedTables.Files && entry.Data.FirstOrDefault(i => i.FilePath is null) is { } noFile)
            {
                throw new DumpFileException(entry.SourceFile, $"{SeedTables.Files} item \"{noFile.SyncId}\" has no \"_file_path\" (required for files)");
            }

            var index = merged.FindIndex(c => c.Collection == entry.Collection);
            if (index < 0)
            {
                merged.Add(new SeedCollection(entry.Collection, entry.Meta, entry.Data, [entry.SourceFile]));
            }
            else
            {
                var existing = merged[index];
                merged[index] = new SeedCollection(existing.Collection, existing.Meta.Merge(entry.Meta),
                    [.. existing.Items, .. entry.Data], [.. existing.Files, entry.SourceFile]);
            }
        }

        foreach (var collection in merged)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in collection.Items.Where(item => !seen.Add(item.SyncId)))
            {
                throw new DumpFileException(item.SourceFile, $"{collection.Collection}: the _sync_id \"{item.SyncId}\" is used twice");
            }
        }

        var ordered = merged.Where(c => c.Meta.InsertOrder is not null).OrderBy(c => c.Meta.InsertOrder)
            .Concat(merged.Where(c => c.Meta.InsertOrder is null)).ToList();
        return new SeedSet(ordered);
    }
}
