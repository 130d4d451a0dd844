using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Upgrade.Backups;

/// <summary>
/// backup.json of a backup folder: which Directus and DirectusSync made it, when, from where, and where
/// the database copy is. A VERSION file beside it says the same for people (the guide's backup/VERSION).
/// </summary>
public sealed record BackupManifest
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "backup.json";

    /// <summary>The backup folder (absolute; not written to the file).</summary>
    [JsonIgnore]
    public string Directory { get; init; } = string.Empty;

    /// <summary>The Directus version that was backed up.</summary>
    public required string DirectusVersion { get; init; }

    /// <summary>The DirectusSync version that made the backup.</summary>
    public required string DirectusSyncVersion { get; init; }

    /// <summary>When (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The instance's URL.</summary>
    public required string Url { get; init; }

    /// <summary>The database that was copied, or null when none was reachable.</summary>
    public string? Database { get; init; }

    /// <summary>The copy's path, relative to the backup folder.</summary>
    public string? DatabaseFile { get; init; }

    /// <summary>How the copy was made.</summary>
    public string? DatabaseMethod { get; init; }

    /// <summary>Every table's row count in the live database at the copy's moment: what a restore must give back.</summary>
    public SortedDictionary<string, long>? DatabaseRowCounts { get; init; }

    /// <summary>The dump inside the backup folder, relative to it ("." : the folder is a dump, as directus-sync's --dump-path).</summary>
    public string DumpPath { get; init; } = ".";

    /// <summary>Writes backup.json and VERSION into <see cref="Directory"/>.</summary>
    public void Write()
    {
        File.WriteAllText(Path.Combine(Directory, FileName), JsonConvert.SerializeObject(this, Formatting.Indented) + "\n");
        File.WriteAllText(Path.Combine(Directory, "VERSION"), $"Directus {DirectusVersion}\nDirectusSync {DirectusSyncVersion}\n");
    }

    /// <summary>Reads the manifest of a backup folder.</summary>
    /// <exception cref="FileNotFoundException">The folder has no backup.json.</exception>
    public static BackupManifest Read(string directory)
    {
        var full = Path.GetFullPath(directory);
        var file = Path.Combine(full, FileName);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{full} is not a DirectusSync backup: it has no {FileName}.", file);
        }

        return (JObject.Parse(File.ReadAllText(file)).ToObject<BackupManifest>()
            ?? throw new InvalidDataException($"{file} is empty.")) with { Directory = full };
    }
}
