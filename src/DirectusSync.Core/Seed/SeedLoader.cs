using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Seed;

/// <summary>
/// Reads seed files: each a <c>{collection, meta?, data[]}</c> object or an array of them. Paths are folders (every
/// <c>.json</c> file under them, in ordinal path order) or single <c>.json</c> files. Every error names the file.
/// </summary>
public static class SeedLoader
{
    private static readonly HashSet<string> MetaKeys = ["insert_order", "create", "update", "delete", "preserve_ids", "ignore_on_update"];

    /// <summary>
    /// Reads every seed of the given paths, in load order. A <c>_file_path</c> must stay, symbolic links followed,
    /// inside the seed folder it was found in (the given folder, or a given file's folder): a seed must not be able to
    /// upload any file the user running the push can read (<c>../../.env</c>, <c>~/.ssh/id_rsa</c>).
    /// </summary>
    /// <exception cref="DumpFileException">A path is missing, a file is not valid JSON or not a seed, or a
    /// <c>_file_path</c> leads out of the seed folder.</exception>
    public static IReadOnlyList<SeedEntry> Load(IEnumerable<string> paths)
    {
        var entries = new List<SeedEntry>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            IEnumerable<string> files;
            string folder;
            if (Directory.Exists(full))
            {
                files = Directory.EnumerateFiles(full, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
                folder = full;
            }
            else if (File.Exists(full))
            {
                files = [full];
                folder = Path.GetDirectoryName(full)!;
            }
            else
            {
                throw new DumpFileException(full, "no such seed file or folder");
            }

            foreach (var file in files)
            {
                entries.AddRange(Parse(file, DumpJson.ReadFile(file), folder));
            }
        }

        return entries;
    }

    /// <summary>Turns one file's JSON into its seeds.</summary>
    /// <param name="file">The seed file (named in errors; <c>_file_path</c> is relative to its folder).</param>
    /// <param name="json">The file's content.</param>
    /// <param name="seedFolder">The folder every <c>_file_path</c> must stay in; the file's own folder when omitted.</param>
    /// <exception cref="DumpFileException">The JSON is not shaped as a seed, or a <c>_file_path</c> leads out of the seed folder.</exception>
    public static IReadOnlyList<SeedEntry> Parse(string file, JToken json, string? seedFolder = null)
    {
        seedFolder ??= Path.GetDirectoryName(Path.GetFullPath(file))!;
        var elements = json switch
        {
            JObject single => [single],
            JArray array => array.Select((e, i) => e as JObject ?? throw new DumpFileException(file, $"element [{i}] is not an object {{collection, meta, data}}")).ToList(),
            _ => throw new DumpFileException(file, "expected an object {collection, meta, data} or an array of them"),
        };
        return elements.Select((e, i) => ParseEntry(file, e, json is JArray ? $"element [{i}]: " : string.Empty, seedFolder)).ToList();
    }

    private static SeedEntry ParseEntry(string file, JObject element, string where, string seedFolder)
    {
        if (element["collection"] is not JValue { Type: JTokenType.String } collectionValue || string.IsNullOrWhiteSpace(collectionValue.Value<string>()))
        {
            throw new DumpFileException(file, $"{where}\"collection\" is missing or not a string");
        }

        var collection = collectionValue.Value<string>()!;
        var meta = ParseMeta(file, element["meta"], where);
        if (element["data"] is not JArray data)
        {
            throw new DumpFileException(file, $"{where}\"data\" of {collection} is missing or not an array");
        }

        var directory = Path.GetDirectoryName(file)!;
        var items = new List<SeedItem>();
        for (var i = 0; i < data.Count; i++)
        {
            var label = $"{where}{collection} data[{i}]";
            if (data[i] is not JObject item)
            {
                throw new DumpFileException(file, $"{label} is not an object");
            }

            var syncId = item["_sync_id"] switch
            {
                JValue { Type: JTokenType.String } s when !string.IsNullOrEmpty(s.Value<string>()) => s.Value<string>()!,
                JValue { Type: JTokenType.Integer } n => n.ToString(),
                _ => throw new DumpFileException(file, $"{label} has no \"_sync_id\" (a non-empty string is required)"),
            };
            string? filePath = null;
            if (item["_file_path"] is { } pathToken)
            {
                if (pathToken is not JValue { Type: JTokenType.String } || string.IsNullOrEmpty(pathToken.Value<string>()))
                {
                    throw new DumpFileException(file, $"{label} (\"{syncId}\"): \"_file_path\" must be a non-empty string");
                }

                var written = pathToken.Value<string>()!;
                filePath = Path.GetFullPath(Path.Combine(directory, written));
                if (!RealPath.IsInside(filePath, seedFolder))
                {
                    throw new DumpFileException(file,
                        $"{label} (\"{syncId}\"): \"_file_path\" \"{written}\" leads to {RealPath.Resolve(filePath)}, outside the seed folder "
                        + $"{RealPath.Resolve(seedFolder)} (symbolic links followed); only files inside the seed folder are uploaded");
                }
            }

            var fields = (JObject)item.DeepClone();
            fields.Remove("_sync_id");
            fields.Remove("_file_path");
            items.Add(new SeedItem(syncId, fields, filePath, file));
        }

        return new SeedEntry(file, collection, meta, items);
    }

    private static SeedMeta ParseMeta(string file, JToken? token, string where)
    {
        if (token is null || token.Type == JTokenType.Null)
        {
            return new SeedMeta();
        }

        if (token is not JObject meta)
        {
            throw new DumpFileException(file, $"{where}\"meta\" must be an object");
        }

        foreach (var property in meta.Properties().Where(p => !MetaKeys.Contains(p.Name)))
        {
            throw new DumpFileException(file, $"{where}unknown meta key \"{property.Name}\" (expected {string.Join(", ", MetaKeys)})");
        }

        bool Flag(string name, bool fallback) => meta[name] switch
        {
            null => fallback,
            JValue { Type: JTokenType.Boolean } b => b.Value<bool>(),
            _ => throw new DumpFileException(file, $"{where}meta.{name} must be true or false"),
        };

        return new SeedMeta
        {
            InsertOrder = meta["insert_order"] switch
            {
                null or { Type: JTokenType.Null } => null,
                JValue { Type: JTokenType.Integer } n => n.Value<int>(),
                _ => throw new DumpFileException(file, $"{where}meta.insert_order must be a whole number"),
            },
            Create = Flag("create", true),
            Update = Flag("update", true),
            Delete = Flag("delete", true),
            PreserveIds = Flag("preserve_ids", false),
            IgnoreOnUpdate = meta["ignore_on_update"] switch
            {
                null => [],
                JArray names when names.All(n => n.Type == JTokenType.String) => names.Values<string>().Select(n => n!).ToList(),
                _ => throw new DumpFileException(file, $"{where}meta.ignore_on_update must be a list of field names"),
            },
        };
    }
}
