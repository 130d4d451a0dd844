using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Storage;

/// <summary>
/// The dump files of the tracked system collections: one JSON array per collection in
/// <c>&lt;collections dir&gt;/&lt;collection&gt;.json</c>, each element an item with a string <c>_syncId</c>.
/// </summary>
/// <remarks>
/// directus-sync reads a missing or unreadable file as an empty array, after which a push deletes
/// every tracked item of that collection on the target. Here any such file is an error instead.
/// </remarks>
public sealed class CollectionDumpStore
{
    /// <summary>The property that carries an item's instance-independent id.</summary>
    public const string SyncIdProperty = "_syncId";

    private readonly DumpLayout _layout;
    private readonly bool _sortKeys;

    /// <summary>Creates the store.</summary>
    /// <param name="layout">Where the dump lives.</param>
    /// <param name="sortKeys">Write object keys sorted recursively (directus-sync's <c>--sort-json</c>).</param>
    public CollectionDumpStore(DumpLayout layout, bool sortKeys)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _sortKeys = sortKeys;
    }

    /// <summary>The dump file of a collection.</summary>
    /// <param name="collection">The collection's short name (<c>roles</c>, <c>flows</c>, …).</param>
    /// <returns>The file's absolute path.</returns>
    public string FilePath(string collection) => _layout.CollectionFile(collection);

    /// <summary>Whether the collection has a dump file.</summary>
    /// <param name="collection">The collection's short name.</param>
    /// <returns><see langword="true"/> when the file exists.</returns>
    public bool Exists(string collection) => File.Exists(FilePath(collection));

    /// <summary>Reads a collection's items, in file order.</summary>
    /// <param name="collection">The collection's short name.</param>
    /// <returns>The items, each an object with a non-empty string <c>_syncId</c> of its own.</returns>
    /// <exception cref="DumpFileException">The file is missing or not valid JSON, is not an array, or an
    /// element is not an object, has no non-empty string <c>_syncId</c>, or repeats another's.</exception>
    public JArray Read(string collection)
    {
        var path = FilePath(collection);
        var root = DumpJson.ReadFile(path);
        if (root is not JArray items)
        {
            throw new DumpFileException(path, $"expected a JSON array of items, found {JsonKind.Describe(root)}");
        }

        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JObject item)
            {
                throw new DumpFileException(path, $"element [{i}] is {JsonKind.Describe(items[i])}, expected an object");
            }

            var syncId = item[SyncIdProperty];
            if (syncId is not JValue { Type: JTokenType.String, Value: string id } || id.Length == 0)
            {
                var found = syncId is null ? "it is missing" : $"found {syncId.ToString(Newtonsoft.Json.Formatting.None)}";
                throw new DumpFileException(path, $"element [{i}] needs a non-empty string \"{SyncIdProperty}\", {found}");
            }

            if (!firstIndexOf.TryAdd(id, i))
            {
                throw new DumpFileException(path, $"elements [{firstIndexOf[id]}] and [{i}] have the same \"{SyncIdProperty}\" \"{id}\"");
            }
        }

        return items;
    }

    /// <summary>
    /// Writes a collection's items in the given order (directus-sync sorts them before saving: that is
    /// the caller's job), replacing the file and creating the folder when needed.
    /// </summary>
    /// <param name="collection">The collection's short name.</param>
    /// <param name="items">The items to write.</param>
    public void Write(string collection, JArray items)
    {
        ArgumentNullException.ThrowIfNull(items);
        DumpJson.Write(FilePath(collection), items, _sortKeys);
    }
}
