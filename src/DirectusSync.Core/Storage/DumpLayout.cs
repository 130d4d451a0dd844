namespace DirectusSync.Core.Storage;

/// <summary>
/// Where the parts of a dump live. As in directus-sync, the dump path is resolved against the
/// current directory and each sub-path against the dump path, so an absolute sub-path is used as is.
/// </summary>
/// <param name="DumpPath">The dump folder (directus-sync's <c>--dump-path</c>, default <c>./directus-config</c>).</param>
/// <param name="CollectionsPath">The collections folder, relative to the dump path (<c>--collections-path</c>).</param>
/// <param name="SnapshotPath">The snapshot folder, relative to the dump path (<c>--snapshot-path</c>).</param>
/// <param name="SpecsPath">The specifications folder, relative to the dump path (<c>--specs-path</c>).</param>
public sealed record DumpLayout(
    string DumpPath,
    string CollectionsPath = "collections",
    string SnapshotPath = "snapshot",
    string SpecsPath = "specs")
{
    private readonly string _dumpPath = RequirePath(DumpPath);

    /// <summary>The dump folder as given (relative paths are resolved by <see cref="DumpDirectory"/>).</summary>
    public string DumpPath
    {
        get => _dumpPath;
        init => _dumpPath = RequirePath(value);
    }

    /// <summary>
    /// The dump folder as an absolute path without a trailing separator. Relative paths are resolved
    /// against the current directory each time they are read, as Node's <c>path.resolve</c> does.
    /// </summary>
    public string DumpDirectory => Path.TrimEndingDirectorySeparator(Path.GetFullPath(DumpPath));

    /// <summary>The absolute path of the collections folder.</summary>
    public string CollectionsDirectory => Under(CollectionsPath);

    /// <summary>The absolute path of the snapshot folder.</summary>
    public string SnapshotDirectory => Under(SnapshotPath);

    /// <summary>The absolute path of the specifications folder.</summary>
    public string SpecsDirectory => Under(SpecsPath);

    /// <summary>The dump file of one tracked collection: <c>&lt;collections dir&gt;/&lt;collection&gt;.json</c>.</summary>
    /// <param name="collection">The collection's short name as directus-sync uses it (<c>roles</c>, <c>flows</c>, …).</param>
    /// <exception cref="ArgumentException">The name is empty or would leave the collections folder.</exception>
    public string CollectionFile(string collection) =>
        Path.Combine(CollectionsDirectory, DumpFileName.Require(collection, "collection") + ".json");

    private string Under(string subPath) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(subPath, DumpDirectory));

    private static string RequirePath(string path) =>
        string.IsNullOrWhiteSpace(path)
            ? throw new ArgumentException("The dump path must not be empty.", nameof(DumpPath))
            : path;
}
