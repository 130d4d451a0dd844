using System.Runtime.ExceptionServices;
using System.Text;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Storage;

/// <summary>
/// The schema snapshot (what Directus' <c>GET /schema/snapshot</c> returns in <c>data</c>), stored as
/// directus-sync stores it: split into <c>info.json</c>, <c>collections/&lt;collection&gt;.json</c>,
/// <c>fields/&lt;collection&gt;/&lt;field&gt;.json</c> and <c>relations/&lt;collection&gt;/&lt;field&gt;.json</c>,
/// or, unsplit, one <c>snapshot.json</c>. The id-map table of directus-extension-sync is never part of it.
/// </summary>
public sealed class SnapshotStore
{
    /// <summary>directus-extension-sync's own table, left out of every snapshot written or read.</summary>
    public const string IdMapTable = "directus_sync_id_map";

    /// <summary>The single file of an unsplit snapshot.</summary>
    public const string SnapshotFileName = "snapshot.json";

    /// <summary>The file of a split snapshot that holds every top-level key but the three lists.</summary>
    public const string InfoFileName = "info.json";

    private const string CollectionsKey = "collections";
    private const string FieldsKey = "fields";
    private const string RelationsKey = "relations";

    private static readonly string[] ListKeys = [CollectionsKey, FieldsKey, RelationsKey];

    private readonly DumpLayout _layout;
    private readonly bool _split;
    private readonly bool _sortKeys;

    /// <summary>Creates the store.</summary>
    /// <param name="layout">Where the dump lives.</param>
    /// <param name="split">One file per collection, field and relation (directus-sync's default), or
    /// one <c>snapshot.json</c> (<c>--no-split</c>).</param>
    /// <param name="sortKeys">Write object keys sorted recursively (<c>--sort-json</c>).</param>
    public SnapshotStore(DumpLayout layout, bool split, bool sortKeys)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _split = split;
        _sortKeys = sortKeys;
    }

    /// <summary>Whether a snapshot is stored: <c>info.json</c> when split, <c>snapshot.json</c> otherwise.</summary>
    /// <returns><see langword="true"/> when that file exists.</returns>
    public bool Exists() => File.Exists(Path.Combine(_layout.SnapshotDirectory, _split ? InfoFileName : SnapshotFileName));

    /// <summary>
    /// The Directus version the stored snapshot was taken from (its <c>directus</c> header), or null when there is no
    /// snapshot or it cannot be read. Cheap (the header file alone when split); a pull asks it before replacing the
    /// dump, to tell whether the server was upgraded since.
    /// </summary>
    public string? ReadDirectusVersion()
    {
        var path = Path.Combine(_layout.SnapshotDirectory, _split ? InfoFileName : SnapshotFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return DumpJson.ReadFile(path) is JObject { } header && header["directus"] is JValue { Type: JTokenType.String } version
                ? version.Value<string>()
                : null;
        }
        catch (DumpFileException)
        {
            // A damaged header is reported by the commands that read the snapshot; here it only means "unknown".
            return null;
        }
    }

    /// <summary>
    /// Deletes the snapshot files of the previous pull (see <see cref="IsSnapshotFile"/>) and writes the snapshot
    /// anew, without the id-map table, so that collections, fields and relations dropped in Directus disappear
    /// from the dump. Other files in the folder are left alone: <c>--snapshot-path</c> may name a folder that holds
    /// more than the snapshot. The given object is not changed.
    /// </summary>
    /// <param name="snapshot">The snapshot, as Directus returns it.</param>
    /// <exception cref="ArgumentException">A list is not an array, or an element is not an object with
    /// usable string names (<c>collection</c>, and <c>field</c> for fields and relations).</exception>
    /// <exception cref="InvalidOperationException">The snapshot folder is a file-system root or holds the
    /// dump folder, the collections folder or the specs folder, which wiping it would destroy.</exception>
    public void Write(JObject snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // The caller's snapshot is left as it is. Copied only when something must change (a missing list, the id-map
        // table): a full schema's copy is tens of milliseconds of a pull that is otherwise Directus' time.
        var mustChange = ListKeys.Any(key => snapshot[key] is not JArray list || list.OfType<JObject>().Any(IsIdMapTable));
        var filtered = mustChange ? (JObject)snapshot.DeepClone() : snapshot;
        foreach (var key in ListKeys)
        {
            var list = ListToWrite(filtered, key);
            for (var i = 0; i < list.Count; i++)
            {
                // Checked before anything is deleted, so that bad input leaves the old snapshot in place.
                if (Problem(key, list[i]) is { } problem)
                {
                    throw new ArgumentException($"The snapshot's {key}[{i}] {problem}.", nameof(snapshot));
                }
            }

            if (mustChange)
            {
                WithoutIdMapTable(list);
                if (!ReferenceEquals(filtered[key], list))
                {
                    // Only a missing or null list: assigning a list already in place would copy it again.
                    filtered[key] = list;
                }
            }
        }

        var files = _split ? Decompose(filtered) : [(SnapshotFileName, filtered)];
        var directory = _layout.SnapshotDirectory;
        EnsureSafeToReplace();

        // Removed rather than overwritten: files of dropped collections, fields and relations must go.
        foreach (var old in SnapshotFiles(directory))
        {
            File.Delete(Path.Combine(directory, old));
        }

        RemoveEmptyListFolders(directory);
        Directory.CreateDirectory(directory);
        // Hundreds of small files (one per field): written in parallel, as their order does not matter. A failure is
        // reported as itself (the first one), not wrapped.
        try
        {
            Parallel.ForEach(files, file => DumpJson.Write(Path.Combine(directory, file.RelativePath), file.Content, _sortKeys));
        }
        catch (AggregateException failed)
        {
            ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>
    /// Reads the stored snapshot, without the id-map table (older dumps hold it). Split files come in
    /// directus-sync's order: each folder's entries sorted by the bytes of their UTF-8 names, sub-folders
    /// read where they sort, as Node's <c>readdirSync</c> lists them on Linux.
    /// </summary>
    /// <returns>The snapshot: the info keys, then <c>collections</c>, <c>fields</c> and <c>relations</c>.</returns>
    /// <exception cref="DumpFileException"><c>info.json</c> (split) or <c>snapshot.json</c> is missing; a
    /// file is not valid JSON; or a collection, field or relation is not an object with a non-empty string
    /// <c>collection</c> (and <c>field</c> for fields and relations).</exception>
    public JObject Read() => _split ? ReadSplit() : ReadSingle();

    private JObject ReadSingle()
    {
        var path = Path.Combine(_layout.SnapshotDirectory, SnapshotFileName);
        var snapshot = ReadObject(path);
        foreach (var key in ListKeys)
        {
            // Directus always sends the three lists; a file without one is damaged, and reading it as
            // empty would make a push drop that part of the schema.
            if (snapshot[key] is not JArray list)
            {
                var found = snapshot[key] is null ? "it is missing" : $"found {JsonKind.Describe(snapshot[key])}";
                throw new DumpFileException(path, $"\"{key}\" must be an array, {found}");
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (Problem(key, list[i]) is { } problem)
                {
                    throw new DumpFileException(path, $"{key}[{i}] {problem}");
                }
            }

            // In place (assigning the list back would copy it).
            WithoutIdMapTable(list);
        }

        return snapshot;
    }

    private JObject ReadSplit()
    {
        var directory = _layout.SnapshotDirectory;
        var snapshot = ReadObject(Path.Combine(directory, InfoFileName));

        // A missing folder is an empty list: a fresh instance has no collections, so none is written.
        foreach (var key in ListKeys)
        {
            var list = new JArray();
            foreach (var file in JsonFilesInReadOrder(Path.Combine(directory, key)))
            {
                var element = DumpJson.ReadFile(file);
                if (Problem(key, element) is { } problem)
                {
                    throw new DumpFileException(file, $"the {Singular(key)} {problem}");
                }

                list.Add(element);
            }

            // Like JavaScript's { ...info, collections, fields, relations }: a key already in info.json keeps its place.
            snapshot[key] = WithoutIdMapTable(list);
        }

        return snapshot;
    }

    private static JObject ReadObject(string path)
    {
        var root = DumpJson.ReadFile(path);
        return root as JObject
            ?? throw new DumpFileException(path, $"expected a JSON object, found {JsonKind.Describe(root)}");
    }

    private static List<string> JsonFilesInReadOrder(string directory)
    {
        var files = new List<string>();
        if (File.Exists(directory))
        {
            throw new DumpFileException(directory, "expected a folder of JSON files, found a file");
        }

        if (Directory.Exists(directory))
        {
            AddJsonFiles(directory, files);
        }

        return files;
    }

    // Node's readdirSync returns names sorted bytewise (libuv's scandir sorts with strcmp), and
    // directus-sync descends into a folder where it meets it. Sorting whole paths ordinally instead would
    // put "posts-archive/…" before "posts/…" ('-' sorts before '/'), unlike directus-sync.
    private static void AddJsonFiles(string directory, List<string> files)
    {
        var names = Directory.EnumerateFileSystemEntries(directory)
            .Select(entry => Path.GetFileName(entry))
            .OrderBy(name => name, Utf8ByteOrder.Instance)
            .ToList();
        foreach (var name in names)
        {
            var path = Path.Combine(directory, name);
            if (Directory.Exists(path))
            {
                AddJsonFiles(path, files);
            }
            else if (name.EndsWith(".json", StringComparison.Ordinal))
            {
                files.Add(path);
            }
        }
    }

    private static JArray ListToWrite(JObject snapshot, string key) => snapshot[key] switch
    {
        // Directus always sends the lists; directus-sync writes a missing one as empty.
        null or { Type: JTokenType.Null } => [],
        JArray list => list,
        var other => throw new ArgumentException($"The snapshot's \"{key}\" must be an array, found {JsonKind.Describe(other)}.", nameof(snapshot)),
    };

    private static JArray WithoutIdMapTable(JArray list)
    {
        foreach (var item in list.OfType<JObject>().Where(IsIdMapTable).ToList())
        {
            item.Remove();
        }

        return list;
    }

    private static bool IsIdMapTable(JObject item) =>
        item["collection"] is JValue { Type: JTokenType.String, Value: IdMapTable };

    private static string Singular(string key) => key switch
    {
        CollectionsKey => "collection",
        FieldsKey => "field",
        _ => "relation",
    };

    // Every element names its collection, and fields and relations their field: the split layout files
    // them under those names, and Directus' schema diff needs them.
    private static string? Problem(string key, JToken element)
    {
        if (element is not JObject item)
        {
            return $"is {JsonKind.Describe(element)}, expected an object";
        }

        var required = key == CollectionsKey ? ["collection"] : new[] { "collection", "field" };
        foreach (var name in required)
        {
            if (item[name] is not JValue { Type: JTokenType.String, Value: string value } || value.Length == 0)
            {
                var found = item[name] is null ? "it is missing" : $"found {item[name]!.ToString(Newtonsoft.Json.Formatting.None)}";
                return $"needs a non-empty string \"{name}\", {found}";
            }
        }

        return null;
    }

    private static List<(string RelativePath, JToken Content)> Decompose(JObject snapshot)
    {
        var info = new JObject();
        foreach (var property in snapshot.Properties().Where(p => !ListKeys.Contains(p.Name)))
        {
            info.Add(property.Name, property.Value);
        }

        var files = new List<(string, JToken)> { (InfoFileName, info) };

        // directus-sync names files after Directus names, checks clashes on lowercased names (folders
        // and collections, or groups and fields, may differ only by case, and some file systems ignore
        // case) and gives a later clash "_2", "_3", … on its own name, e.g. Profile.json, profile_2.json.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, i) in ((JArray)snapshot[CollectionsKey]!).Select((e, i) => (e, i)))
        {
            var collection = RequireName(CollectionsKey, element, i, "collection");
            var name = collection + Suffix(collection, taken);
            files.Add(($"{CollectionsKey}/{name}.json", element));
        }

        foreach (var key in new[] { FieldsKey, RelationsKey })
        {
            // Fields and relations each have their own set, keyed by "collection/field".
            taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (element, i) in ((JArray)snapshot[key]!).Select((e, i) => (e, i)))
            {
                var collection = RequireName(key, element, i, "collection");
                var field = RequireName(key, element, i, "field");
                var name = field + Suffix($"{collection}/{field}", taken);
                files.Add(($"{key}/{collection}/{name}.json", element));
            }
        }

        return files;
    }

    private static string RequireName(string key, JToken element, int index, string property) =>
        DumpFileName.Require((string)element[property]!, $"{key}[{index}].{property}");

    private static string Suffix(string name, HashSet<string> taken)
    {
        var key = name.ToLowerInvariant();
        var suffix = "";
        if (taken.Contains(key))
        {
            var n = 2;
            while (taken.Contains($"{key}_{n}"))
            {
                n++;
            }

            suffix = $"_{n}";
        }

        taken.Add(key + suffix);
        return suffix;
    }

    /// <summary>
    /// Whether a file, relative to the snapshot folder, is one a pull writes (and so may delete): <c>info.json</c>,
    /// <c>snapshot.json</c>, and JSON files under <c>collections/</c>, <c>fields/</c> and <c>relations/</c>, which
    /// <see cref="Read"/> reads back as schema.
    /// </summary>
    /// <param name="relativePath">The path relative to the snapshot folder, '/' or '\' separated.</param>
    /// <returns><see langword="true"/> for a snapshot file.</returns>
    public static bool IsSnapshotFile(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var parts = relativePath.Split('/', '\\');
        return parts.Length == 1
            ? parts[0] is InfoFileName or SnapshotFileName
            : ListKeys.Contains(parts[0]) && relativePath.EndsWith(".json", StringComparison.Ordinal);
    }

    /// <summary>The snapshot files (<see cref="IsSnapshotFile"/>) in a folder, relative to it.</summary>
    /// <param name="directory">The snapshot folder (it need not exist).</param>
    /// <returns>Relative paths, '/'-separated.</returns>
    public static IReadOnlyList<string> SnapshotFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var found = new List<string>();
        foreach (var name in new[] { InfoFileName, SnapshotFileName }.Where(n => File.Exists(Path.Combine(directory, n))))
        {
            found.Add(name);
        }

        foreach (var key in ListKeys)
        {
            AddOwnedJsonFiles(directory, Path.Combine(directory, key), found);
        }

        return found;
    }

    // Symbolic links to folders are not entered: what they point at was not written by a pull.
    private static void AddOwnedJsonFiles(string root, string folder, List<string> found)
    {
        if (!Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null)
        {
            return;
        }

        found.AddRange(Directory.EnumerateFiles(folder, "*.json")
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(IsSnapshotFile));
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            AddOwnedJsonFiles(root, sub, found);
        }
    }

    /// <summary>Removes the list folders (and their sub-folders) that removing the snapshot files left empty.</summary>
    /// <param name="directory">The snapshot folder.</param>
    public static void RemoveEmptyListFolders(string directory)
    {
        foreach (var key in ListKeys)
        {
            RemoveIfEmpty(Path.Combine(directory, key));
        }
    }

    private static void RemoveIfEmpty(string folder)
    {
        if (!Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null)
        {
            return;
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            RemoveIfEmpty(sub);
        }

        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    /// <summary>
    /// Refuses a snapshot folder whose rewrite would touch the rest of the dump: a file-system root, or a folder
    /// holding the dump, collections or specs folder (directus-sync deletes the snapshot folder unchecked).
    /// </summary>
    /// <exception cref="InvalidOperationException">The snapshot folder is one of those.</exception>
    public void EnsureSafeToReplace()
    {
        var directory = _layout.SnapshotDirectory;
        var root = Path.GetPathRoot(directory);
        if (string.IsNullOrEmpty(root) || IsSameOrInside(Path.TrimEndingDirectorySeparator(root), directory))
        {
            throw new InvalidOperationException($"The snapshot folder {directory} is a file-system root; it cannot be wiped and rewritten.");
        }

        foreach (var (what, other) in new[] { ("dump", _layout.DumpDirectory), ("collections", _layout.CollectionsDirectory), ("specs", _layout.SpecsDirectory) })
        {
            if (IsSameOrInside(other, directory))
            {
                throw new InvalidOperationException($"The snapshot folder {directory} holds the {what} folder {other}; wiping it to rewrite the snapshot would delete that too.");
            }
        }
    }

    private static bool IsSameOrInside(string path, string folder) =>
        string.Equals(path, folder, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase);

    private sealed class Utf8ByteOrder : IComparer<string>
    {
        public static readonly Utf8ByteOrder Instance = new();

        public int Compare(string? x, string? y) =>
            Encoding.UTF8.GetBytes(x ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? ""));
    }
}
