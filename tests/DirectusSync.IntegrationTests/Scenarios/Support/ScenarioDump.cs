using DirectusSync.Core.Model;
using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios.Support;

/// <summary>
/// A dump folder that a scenario reads and edits through <see cref="CollectionDumpStore"/>: our stand-in for
/// the reference's committed fixtures (<c>dumps/sources/*</c>), built in the test by pulling and editing.
/// </summary>
public sealed class ScenarioDump(string path)
{
    /// <summary>The dump folder.</summary>
    public string Path { get; } = path;

    /// <summary>The collection files.</summary>
    public CollectionDumpStore Store { get; } = new(new DumpLayout(path), sortKeys: false);

    /// <summary>The collections folder.</summary>
    public string CollectionsDirectory => System.IO.Path.Combine(Path, "collections");

    /// <summary>The snapshot folder.</summary>
    public string SnapshotDirectory => System.IO.Path.Combine(Path, "snapshot");

    /// <summary>The items of a collection file.</summary>
    public JArray Read(string collection) => Store.Read(collection);

    /// <summary>The item with that sync id.</summary>
    public JObject Item(string collection, string syncId) =>
        Read(collection).OfType<JObject>().SingleOrDefault(i => i.Value<string>("_syncId") == syncId)
        ?? throw new InvalidOperationException($"{collection}.json has no item {syncId}");

    /// <summary>The item with that sync id, or null.</summary>
    public JObject? Find(string collection, string syncId) =>
        Read(collection).OfType<JObject>().SingleOrDefault(i => i.Value<string>("_syncId") == syncId);

    /// <summary>Adds items at the end of a collection file.</summary>
    public void Append(string collection, params JObject[] items)
    {
        var all = Read(collection);
        foreach (var item in items)
        {
            all.Add(item);
        }

        Store.Write(collection, all);
    }

    /// <summary>Changes the item with that sync id in place.</summary>
    public void Edit(string collection, string syncId, Action<JObject> change)
    {
        var all = Read(collection);
        var item = all.OfType<JObject>().SingleOrDefault(i => i.Value<string>("_syncId") == syncId)
            ?? throw new InvalidOperationException($"{collection}.json has no item {syncId}");
        change(item);
        Store.Write(collection, all);
    }

    /// <summary>Keeps, in every collection file, only the items <paramref name="keep"/> accepts.</summary>
    public void Keep(Func<string, JObject, bool> keep)
    {
        foreach (var collection in SystemCollections.Names.Where(Store.Exists))
        {
            Store.Write(collection, new JArray(Read(collection).OfType<JObject>().Where(i => keep(collection, i))));
        }
    }

    /// <summary>
    /// Empties the snapshot down to <c>info.json</c> (version and vendor): the schema of a bare instance, as in
    /// the reference's fixtures. Never push such a dump with its snapshot to the shared instance: it would drop
    /// every collection there.
    /// </summary>
    public void EmptySnapshot()
    {
        foreach (var part in new[] { "collections", "fields", "relations" })
        {
            var folder = System.IO.Path.Combine(SnapshotDirectory, part);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>A copy of the whole folder.</summary>
    public ScenarioDump CopyTo(string target)
    {
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(Path, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return new ScenarioDump(target);
    }

    /// <summary>The files under a sub-folder, relative to it, with '/' separators.</summary>
    public IReadOnlyList<string> FilesUnder(string relativeFolder)
    {
        var folder = System.IO.Path.Combine(Path, relativeFolder);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => System.IO.Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList()
            : [];
    }
}
