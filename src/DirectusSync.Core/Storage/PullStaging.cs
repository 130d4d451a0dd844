namespace DirectusSync.Core.Storage;

/// <summary>
/// Makes a pull all-or-nothing on disk: every file is first written to a staging folder inside the dump folder,
/// and only once everything is written does <see cref="Commit"/> move the files into place, the previous files kept
/// aside until the last one is in and put back if any move fails. A pull that fails or is cancelled before the
/// commit leaves the previous dump exactly as it was.
/// </summary>
/// <remarks>
/// Only the files a pull owns are ever replaced or removed: the collection files it writes, the spec files it
/// writes, and in the snapshot folder the snapshot files (<see cref="SnapshotStore.IsSnapshotFile"/>). So a
/// <c>--snapshot-path</c> or <c>--specs-path</c> pointing at a folder that holds other things leaves those alone.
/// </remarks>
public sealed class PullStaging : IDisposable
{
    /// <summary>The name prefix of staging folders; a folder left by a killed pull is removed by the next pull.</summary>
    public const string FolderPrefix = ".directus-sync-pull-";

    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private readonly DumpLayout _target;
    private readonly string _root;
    private bool _committed;

    /// <summary>Creates an empty staging folder for a pull into <paramref name="target"/>.</summary>
    /// <param name="target">Where the dump lives.</param>
    /// <exception cref="InvalidOperationException">The snapshot folder holds the dump, collections or specs folder.</exception>
    public PullStaging(DumpLayout target)
    {
        ArgumentNullException.ThrowIfNull(target);
        new SnapshotStore(target, split: true, sortKeys: false).EnsureSafeToReplace();
        _target = target;
        var dump = target.DumpDirectory;
        RemoveStaleFolders(dump);
        _root = Path.Combine(dump, FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_root);
        Layout = new DumpLayout(
            Path.Combine(_root, "dump"),
            Path.Combine(_root, "collections"),
            Path.Combine(_root, "snapshot"),
            Path.Combine(_root, "specs"));
    }

    /// <summary>The layout to write the pull into: every folder inside the staging folder.</summary>
    public DumpLayout Layout { get; }

    /// <summary>
    /// Moves the staged files into the dump: collection and spec files replace their namesakes; when
    /// <paramref name="replaceSnapshot"/>, the snapshot files replace the previous snapshot files. The collections
    /// and snapshot folders exist afterwards, as after every pull. On failure every file is put back as it was.
    /// </summary>
    /// <param name="replaceSnapshot">Whether a snapshot was staged (a pull with <c>--no-snapshot</c> keeps the old one).</param>
    public void Commit(bool replaceSnapshot)
    {
        ObjectDisposedException.ThrowIf(!Directory.Exists(_root), this);
        var moves = new List<(string Staged, string Target)>();
        moves.AddRange(Moves(Layout.CollectionsDirectory, _target.CollectionsDirectory));
        moves.AddRange(Moves(Layout.SpecsDirectory, _target.SpecsDirectory));
        var removals = new List<string>();
        if (replaceSnapshot)
        {
            moves.AddRange(Moves(Layout.SnapshotDirectory, _target.SnapshotDirectory));
            var written = moves.Select(m => m.Target).ToHashSet(StringComparer.Ordinal);
            removals.AddRange(SnapshotStore.SnapshotFiles(_target.SnapshotDirectory)
                .Select(f => Path.GetFullPath(f, _target.SnapshotDirectory))
                .Where(f => !written.Contains(f)));
        }

        var backups = Path.Combine(_root, "previous");
        var keptAside = new List<(string Backup, string Target)>();
        var placed = new List<string>();
        try
        {
            foreach (var target in moves.Select(m => m.Target).Concat(removals).Where(File.Exists))
            {
                var backup = Path.Combine(backups, keptAside.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(backups);
                File.Move(target, backup);
                keptAside.Add((backup, target));
            }

            foreach (var (staged, target) in moves)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(staged, target);
                placed.Add(target);
            }
        }
        catch
        {
            Restore(placed, keptAside);
            throw;
        }

        _committed = true;
        if (replaceSnapshot)
        {
            SnapshotStore.RemoveEmptyListFolders(_target.SnapshotDirectory);
        }

        Directory.CreateDirectory(_target.CollectionsDirectory);
        Directory.CreateDirectory(_target.SnapshotDirectory);
    }

    /// <summary>Deletes the staging folder (with the previous files once committed).</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
        catch (IOException) when (_committed)
        {
            // The dump is complete; a staging folder that cannot be removed now is removed by the next pull.
        }
        catch (UnauthorizedAccessException) when (_committed)
        {
        }
    }

    private static IEnumerable<(string Staged, string Target)> Moves(string stagedFolder, string targetFolder) =>
        Directory.Exists(stagedFolder)
            ? Directory.EnumerateFiles(stagedFolder, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(f => (f, Path.GetFullPath(Path.GetRelativePath(stagedFolder, f), targetFolder)))
                .ToList()
            : [];

    // Best effort, newest first: each step is a rename of a file this commit itself moved.
    private static void Restore(List<string> placed, List<(string Backup, string Target)> keptAside)
    {
        foreach (var target in Enumerable.Reverse(placed))
        {
            TryQuietly(() => File.Delete(target));
        }

        foreach (var (backup, target) in Enumerable.Reverse(keptAside))
        {
            TryQuietly(() =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(backup, target, overwrite: true);
            });
        }
    }

    private static void TryQuietly(Action action)
    {
        try
        {
            action();
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void RemoveStaleFolders(string dump)
    {
        if (!Directory.Exists(dump))
        {
            return;
        }

        // A folder with "previous" was killed mid-commit and may hold the only copy of old files: it is left for
        // the user to look at. Without it, it holds nothing but a half-finished pull's own output.
        foreach (var folder in Directory.EnumerateDirectories(dump, FolderPrefix + "*"))
        {
            if (!Directory.Exists(Path.Combine(folder, "previous"))
                && DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > StaleAfter)
            {
                TryQuietly(() => Directory.Delete(folder, recursive: true));
            }
        }
    }
}
