using Cake.Core.IO;
using DirectusSync.Upgrade.Databases;

namespace DirectusSync.Cake.Settings;

/// <summary>Settings of <c>DirectusSyncBackup</c>.</summary>
public sealed class DirectusSyncBackupSettings : DirectusSyncSettings
{
    /// <summary>Where the dated folder backup-YYYYMMDD-HHMMSS is made (Cake's working directory).</summary>
    public DirectoryPath? BackupRoot { get; set; }

    /// <summary>The Directus env file: its DB_* settings say which database to copy.</summary>
    public FilePath? DirectusEnvFile { get; set; }

    /// <summary>The database to copy (overrides <see cref="DirectusEnvFile"/>); none: configuration only.</summary>
    public DatabaseLocation? Database { get; set; }

    /// <summary>Check that the backup loads and diffs clean against the server (true).</summary>
    public bool Verify { get; set; } = true;
}
