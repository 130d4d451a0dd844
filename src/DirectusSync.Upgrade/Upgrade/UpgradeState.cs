using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>
/// upgrade-state.json beside backup.json: where an upgrade stands, written when each step starts and ends,
/// so that a run killed outright (kill -9, a lost CI runner) can still be rolled back from the backup
/// folder alone (<c>--target=RollbackDirectus --backup=FOLDER</c>, <c>DirectusSyncRollback</c>). Flags are set
/// when a step starts: a step killed half-way counts as done for the rollback.
/// </summary>
public sealed record UpgradeState
{
    /// <summary>The file's name.</summary>
    public const string FileName = "upgrade-state.json";

    /// <summary>The version before the upgrade.</summary>
    public required string Previous { get; init; }

    /// <summary>The target version.</summary>
    public required string Target { get; init; }

    /// <summary>The last step started.</summary>
    public UpgradeStep LastStep { get; init; }

    /// <summary>How the last step ended (Pending while it runs, or when the run was killed in it).</summary>
    public StepOutcome LastOutcome { get; init; }

    /// <summary>The stop was started: from here on a failure needs a rollback.</summary>
    public bool Stopped { get; init; }

    /// <summary>The installation was pointed at the target.</summary>
    public bool Bumped { get; init; }

    /// <summary>The target's migrations (or start) may have touched the database.</summary>
    public bool DatabaseTouched { get; init; }

    /// <summary>The repository's dump was replaced.</summary>
    public bool DumpReplaced { get; init; }

    /// <summary>Null: no rollback ran; true: a rollback completed; false: it was INCOMPLETE.</summary>
    public bool? RolledBack { get; init; }

    /// <summary>True once every step succeeded.</summary>
    public bool Upgraded { get; init; }

    /// <summary>When it was written (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Writes the state into <paramref name="directory"/> (through a temporary file and a rename: never half-written).</summary>
    public void Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var partial = path + ".partial";
        File.WriteAllText(partial, JsonConvert.SerializeObject(this, Formatting.Indented, new Newtonsoft.Json.Converters.StringEnumConverter()) + "\n");
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Reads the state of a backup folder, or null when the folder has none (a backup made outside an upgrade).</summary>
    public static UpgradeState? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path)
            ? JObject.Parse(File.ReadAllText(path)).ToObject<UpgradeState>(JsonSerializer.Create(new JsonSerializerSettings { Converters = [new Newtonsoft.Json.Converters.StringEnumConverter()] }))
            : null;
    }
}
