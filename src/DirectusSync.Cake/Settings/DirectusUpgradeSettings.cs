using Cake.Core.IO;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Providers;

namespace DirectusSync.Cake.Settings;

/// <summary>Settings of <c>DirectusSyncUpgrade</c>: what to upgrade to, through which provider, and how carefully.</summary>
public sealed class DirectusUpgradeSettings : DirectusSyncSettings
{
    /// <summary>The version to upgrade to, e.g. 12.4.0 (required).</summary>
    public string? TargetVersion { get; set; }

    /// <summary>Where the dated backup folder is made (Cake's working directory).</summary>
    public DirectoryPath? BackupRoot { get; set; }

    /// <summary>Where the Markdown report is written (./upgrade-report.md).</summary>
    public FilePath? ReportPath { get; set; }

    /// <summary>Push the repository's dump when the preflight finds drift, instead of stopping.</summary>
    public bool PushPending { get; set; }

    /// <summary>
    /// What the pending push (<see cref="PushPending"/>) may delete beyond what the deletion guard lets through
    /// (nothing by default; --allow-deletes, --allow-schema-deletes).
    /// </summary>
    public DirectusSync.Core.Workflow.DeletionConsent PushConsent { get; set; } = DirectusSync.Core.Workflow.DeletionConsent.None;

    /// <summary>Go on although the target's Core licence limits would lose configuration.</summary>
    public bool AcceptLicenceLoss { get; set; }

    /// <summary>A licence is configured for the target (also detected from LICENSE_KEY/LICENSE_TOKEN in <see cref="DirectusEnvFile"/>).</summary>
    public bool Licensed { get; set; }

    /// <summary>The Directus env file: the database to back up (DB_*) and the licence (LICENSE_*).</summary>
    public FilePath? DirectusEnvFile { get; set; }

    /// <summary>The database to back up (overrides <see cref="DirectusEnvFile"/>).</summary>
    public DatabaseLocation? Database { get; set; }

    /// <summary>Stop Directus although no database copy could be made and proven (named in the report as a risk; a rollback cannot restore the database).</summary>
    public bool AcceptNoDatabaseBackup { get; set; }

    /// <summary>How long Directus may take to answer after a start (3 min).</summary>
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The npm provider (a project folder with package.json).</summary>
    public NpmProviderOptions? Npm { get; set; }

    /// <summary>The docker compose provider.</summary>
    public DockerComposeProviderOptions? DockerCompose { get; set; }

    /// <summary>The user's own commands.</summary>
    public CommandsProviderOptions? Commands { get; set; }
}
