using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Upgrade.Tests.Support;

/// <summary>Writes a small dump (collections and a split snapshot) into a folder, for the gate and the loss check.</summary>
public sealed class DumpFolder
{
    private readonly string _path;

    /// <summary>A dump at <paramref name="path"/> with an empty snapshot.</summary>
    public DumpFolder(string path)
    {
        _path = path;
        Directory.CreateDirectory(Path.Combine(path, "collections"));
        Directory.CreateDirectory(Path.Combine(path, "snapshot"));
        File.WriteAllText(Path.Combine(path, "snapshot", "info.json"), "{ \"version\": 1, \"directus\": \"11.17.4\", \"vendor\": \"sqlite\" }");
    }

    /// <summary>The dump's layout.</summary>
    public DumpLayout Layout => new(_path);

    /// <summary>Writes collections/NAME.json.</summary>
    public DumpFolder Items(string collection, params object[] items)
    {
        File.WriteAllText(Path.Combine(_path, "collections", collection + ".json"), JArray.FromObject(items).ToString());
        return this;
    }

    /// <summary>Adds a user collection (with schema and meta) to the snapshot.</summary>
    public DumpFolder Collection(string name, bool folder = false)
    {
        var file = Path.Combine(_path, "snapshot", "collections", name + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JObject.FromObject(new { collection = name, meta = new { collection = name }, schema = folder ? null : new { name } }).ToString());
        return this;
    }

    /// <summary>Adds a field to the snapshot.</summary>
    public DumpFolder Field(string collection, string field)
    {
        var file = Path.Combine(_path, "snapshot", "fields", collection, field + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JObject.FromObject(new { collection, field, type = "string", meta = new { }, schema = new { } }).ToString());
        return this;
    }
}
