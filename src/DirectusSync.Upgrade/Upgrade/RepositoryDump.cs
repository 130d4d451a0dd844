using DirectusSync.Core.Storage;
using DirectusSync.Upgrade.Backups;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>
/// The repository's dump as the upgrade sees it: the configuration it starts from, replaced by the upgraded one
/// after the post-upgrade checks, put back from the backup by the rollback.
/// </summary>
/// <param name="options">The upgrade's options (dump path, sync options).</param>
public sealed class RepositoryDump(UpgradeOptions options)
{
    /// <summary>The repository's dump folder, absolute.</summary>
    public string FullPath => Path.GetFullPath(options.DumpPath);

    /// <summary>The layout of the dump at <paramref name="dumpPath"/> with the upgrade's sub-paths.</summary>
    public DumpLayout Layout(string dumpPath) =>
        new(dumpPath, options.Sync.CollectionsPath, options.Sync.SnapshotPath, options.Sync.SpecsPath);

    /// <summary>
    /// The configuration the upgrade starts from: the backup's, or the repository's dump when its pending changes
    /// were pushed after the backup (the server then equals it).
    /// </summary>
    public string Baseline(UpgradeRun run, BackupManifest backup)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.PendingPushed ? FullPath : DirectusBackups.DumpOf(backup);
    }

    /// <summary>Replaces the repository dump's collections, snapshot and specs with the staged ones; returns the files that changed.</summary>
    public List<string> ReplaceWith(string staging)
    {
        var from = Layout(staging);
        var to = Layout(FullPath);
        var changed = new List<string>();
        var parts = new[]
        {
            (Pulled: options.Sync.Collections, Source: from.CollectionsDirectory, Target: to.CollectionsDirectory),
            (Pulled: options.Sync.Snapshot, Source: from.SnapshotDirectory, Target: to.SnapshotDirectory),
            (Pulled: options.Sync.Specs, Source: from.SpecsDirectory, Target: to.SpecsDirectory),
        };
        foreach (var (_, source, target) in parts.Where(p => p.Pulled))
        {
            var before = ReadTree(target);
            var after = ReadTree(source);
            changed.AddRange(before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
                .Where(f => !before.TryGetValue(f, out var a) || !after.TryGetValue(f, out var b) || a != b)
                .Select(f => Path.GetRelativePath(to.DumpDirectory, Path.Combine(target, f)).Replace('\\', '/')));
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            if (Directory.Exists(source))
            {
                CopyTree(source, target);
            }
        }

        return changed;
    }

    /// <summary>Puts the backup's collections, snapshot and specs back into the repository's dump.</summary>
    public void RestoreFrom(BackupManifest backup)
    {
        var from = Layout(DirectusBackups.DumpOf(backup));
        var to = Layout(FullPath);
        foreach (var (source, target) in new[]
                 {
                     (from.CollectionsDirectory, to.CollectionsDirectory),
                     (from.SnapshotDirectory, to.SnapshotDirectory),
                     (from.SpecsDirectory, to.SpecsDirectory),
                 })
        {
            if (!Directory.Exists(source))
            {
                continue;
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            CopyTree(source, target);
        }
    }

    private static Dictionary<string, string> ReadTree(string directory) =>
        !Directory.Exists(directory)
            ? []
            : Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText);

    private static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
