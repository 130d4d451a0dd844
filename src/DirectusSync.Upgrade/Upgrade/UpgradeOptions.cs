using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Licensing;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>What to upgrade, to which version, and how carefully.</summary>
public sealed record UpgradeOptions
{
    /// <summary>The Directus to upgrade.</summary>
    public required DirectusConnection Connection { get; init; }

    /// <summary>The repository's dump: diffed in the preflight, updated after the upgrade.</summary>
    public required string DumpPath { get; init; }

    /// <summary>The version to upgrade to.</summary>
    public required DirectusVersion TargetVersion { get; init; }

    /// <summary>Where the dated backup folder (backup-YYYYMMDD-HHMMSS) is made (the current folder).</summary>
    public string BackupRoot { get; init; } = ".";

    /// <summary>Where the Markdown report is written (upgrade-report.md).</summary>
    public string ReportPath { get; init; } = "upgrade-report.md";

    /// <summary>
    /// Push the repository's dump when the preflight finds drift, instead of stopping: right after the backup (so the
    /// rollback can undo it), through the push workflow and its deletion guard.
    /// </summary>
    public bool PushPending { get; init; }

    /// <summary>What the pending push may delete beyond what the deletion guard lets through (nothing by default).</summary>
    public DirectusSync.Core.Workflow.DeletionConsent PushConsent { get; init; } = DirectusSync.Core.Workflow.DeletionConsent.None;

    /// <summary>Upgrade even though the target's licence limits would lose configuration (named in the report).</summary>
    public bool AcceptLicenceLoss { get; init; }

    /// <summary>A licence is configured for the target (LICENSE_KEY/LICENSE_TOKEN): no Core limits.</summary>
    public bool Licensed { get; init; }

    /// <summary>
    /// The database to copy before the stop and restore on rollback. Null (none configured) or an
    /// <see cref="UnsupportedDatabaseLocation"/>: the upgrade refuses to stop Directus unless
    /// <see cref="AcceptNoDatabaseBackup"/>.
    /// </summary>
    public DatabaseLocation? Database { get; init; }

    /// <summary>
    /// Go on without a database copy (MySQL, a database out of reach, a copy made by other means): a
    /// rollback then cannot restore the database and ends INCOMPLETE. Named in the report as a risk.
    /// </summary>
    public bool AcceptNoDatabaseBackup { get; init; }

    /// <summary>How long Directus may take to answer after a start.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long a rollback may take; it does not stop when the upgrade was cancelled (Ctrl+C), only after this.</summary>
    public TimeSpan RollbackTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The limits of an unlicensed target.</summary>
    public CoreLicenceLimits Limits { get; init; } = CoreLicenceLimits.Core;

    /// <summary>Sync options for every pull, diff and push (collections, hooks, split…); the dump path is set per use.</summary>
    public SyncOptions Sync { get; init; } = new();
}
