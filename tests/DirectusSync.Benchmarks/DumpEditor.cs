using Newtonsoft.Json.Linq;

namespace DirectusSync.Benchmarks;

/// <summary>Changes a share of a dump's items (a text field of every n-th item), as an edited dump would.</summary>
public static class DumpEditor
{
    private static readonly string[] TextFields = ["note", "value", "name", "bookmark", "description"];

    /// <summary>Edits every <paramref name="every"/>-th item of each collection file; returns how many were edited.</summary>
    public static int Edit(string dumpPath, int every, string marker)
    {
        var edited = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dumpPath, "collections"), "*.json"))
        {
            if (Path.GetFileName(file) == "settings.json")
            {
                continue;
            }

            var items = JArray.Parse(File.ReadAllText(file));
            edited += EditItems(items, every, marker);
            File.WriteAllText(file, items.ToString());
        }

        return edited;
    }

    /// <summary>Appends the marker to a text field of every n-th item; returns how many were edited.</summary>
    public static int EditItems(JArray items, int every, string marker)
    {
        var edited = 0;
        for (var i = 0; i < items.Count; i += every)
        {
            if (items[i] is JObject item && TextFields.FirstOrDefault(f => item[f] is { Type: JTokenType.String or JTokenType.Null }) is { } field)
            {
                item[field] = $"{item[field]} {marker}".Trim();
                edited++;
            }
        }

        return edited;
    }

    /// <summary>Copies a folder recursively.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
