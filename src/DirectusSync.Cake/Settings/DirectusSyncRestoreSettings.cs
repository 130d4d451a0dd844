using Cake.Core.IO;

namespace DirectusSync.Cake.Settings;

/// <summary>
/// Settings of <c>DirectusSyncRestore</c>: pushes a backup's configuration back and checks the diff is
/// clean. (Its database copy is restored by the upgrade's rollback, which can stop Directus first.)
/// </summary>
public sealed class DirectusSyncRestoreSettings : DirectusConnectionSettings, IDeletionConsentSettings
{
    /// <summary>The backup folder (with backup.json).</summary>
    public DirectoryPath? BackupPath { get; set; }

    /// <summary>
    /// What the restore push may delete beyond what the deletion guard lets through (nothing by default): a backup
    /// restored into a server that has since gained collections or many items stops unless consented to.
    /// </summary>
    public DirectusSync.Core.Workflow.DeletionConsent Consent { get; set; } = DirectusSync.Core.Workflow.DeletionConsent.None;

    /// <summary>directus-sync's options for the push (the dump path is the backup's).</summary>
    public DirectusSync.Core.Sync.SyncOptions Options { get; set; } = new();
}
