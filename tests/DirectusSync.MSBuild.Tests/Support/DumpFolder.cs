using Newtonsoft.Json.Linq;

namespace DirectusSync.MSBuild.Tests.Support;

/// <summary>A temporary dump folder, deleted on dispose.</summary>
public sealed class DumpFolder : IDisposable
{
    /// <summary>Creates an empty one.</summary>
    public DumpFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "directus-sync-msbuild-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "collections"));
    }

    /// <summary>The dump folder.</summary>
    public string Path { get; }

    /// <summary>Writes collections/&lt;name&gt;.json.</summary>
    public string WriteCollection(string name, string json)
    {
        var file = System.IO.Path.Combine(Path, "collections", name + ".json");
        File.WriteAllText(file, json);
        return file;
    }

    /// <summary>Writes collections/translations.json with one translation.</summary>
    public void WriteTranslation(string syncId, string key, string value) =>
        WriteCollection("translations", new JArray(new JObject { ["key"] = key, ["language"] = "en-US", ["value"] = value, ["_syncId"] = syncId }).ToString());

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
