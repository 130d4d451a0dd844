using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>What a rollback has to undo: which steps ran, what the backup holds.</summary>
public sealed record RollbackPlan
{
    /// <summary>The version to go back to.</summary>
    public required DirectusVersion Previous { get; init; }

    /// <summary>The backup made before the stop.</summary>
    public required BackupManifest Backup { get; init; }

    /// <summary>Where the provider kept the installation files (package.json, compose file).</summary>
    public required string ProviderBackupDirectory { get; init; }

    /// <summary>The installation was pointed at the target (the bump started).</summary>
    public bool Bumped { get; init; }

    /// <summary>The target version's migrations (or start) ran on the database.</summary>
    public bool DatabaseTouched { get; init; }

    /// <summary>The repository's dump was replaced by the upgraded one.</summary>
    public bool DumpReplaced { get; init; }

    /// <summary>The database copy, with the backup that restores it; null when there is none (consented).</summary>
    public (IDatabaseBackup Backup, DatabaseBackupFile Copy)? Database { get; init; }
}
