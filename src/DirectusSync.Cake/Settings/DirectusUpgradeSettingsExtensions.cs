using Cake.Core.IO;
using DirectusSync.Upgrade.Providers;

namespace DirectusSync.Cake.Settings;

/// <summary>Fluent setters of <see cref="DirectusUpgradeSettings"/>.</summary>
public static class DirectusUpgradeSettingsExtensions
{
    /// <summary>Upgrades to <paramref name="version"/>.</summary>
    public static DirectusUpgradeSettings ToVersion(this DirectusUpgradeSettings settings, string version)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        settings.TargetVersion = version;
        return settings;
    }

    /// <summary>Upgrades an npm project (package.json with a "directus" dependency).</summary>
    public static DirectusUpgradeSettings UsingNpm(this DirectusUpgradeSettings settings, DirectoryPath project, Func<NpmProviderOptions, NpmProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(project);
        var options = new NpmProviderOptions { ProjectDirectory = project.FullPath };
        settings.Npm = configure is null ? options : configure(options);
        return settings;
    }

    /// <summary>Upgrades a docker compose deployment of the directus/directus image.</summary>
    public static DirectusUpgradeSettings UsingDockerCompose(this DirectusUpgradeSettings settings, FilePath composeFile, Func<DockerComposeProviderOptions, DockerComposeProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(composeFile);
        var options = new DockerComposeProviderOptions { ComposeFile = composeFile.FullPath };
        settings.DockerCompose = configure is null ? options : configure(options);
        return settings;
    }

    /// <summary>Upgrades with the user's own shell commands.</summary>
    public static DirectusUpgradeSettings UsingCommands(this DirectusUpgradeSettings settings, CommandsProviderOptions commands)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(commands);
        settings.Commands = commands;
        return settings;
    }

    /// <summary>Pushes the repository's pending changes when the preflight finds drift.</summary>
    public static DirectusUpgradeSettings PushingPendingChanges(this DirectusUpgradeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.PushPending = true;
        return settings;
    }

    /// <summary>Accepts losing what the target's Core licence limits do not allow (named in the report).</summary>
    public static DirectusUpgradeSettings AcceptingLicenceLoss(this DirectusUpgradeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.AcceptLicenceLoss = true;
        return settings;
    }

    /// <summary>Stops Directus although no database copy could be made and proven (a risk, named in the report).</summary>
    public static DirectusUpgradeSettings AcceptingNoDatabaseBackup(this DirectusUpgradeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.AcceptNoDatabaseBackup = true;
        return settings;
    }

    /// <summary>Reads the database (DB_*) and licence (LICENSE_*) from the Directus env file.</summary>
    public static DirectusUpgradeSettings WithDirectusEnvFile(this DirectusUpgradeSettings settings, FilePath envFile)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(envFile);
        settings.DirectusEnvFile = envFile;
        return settings;
    }

    /// <summary>Makes the backup folder under <paramref name="root"/>.</summary>
    public static DirectusUpgradeSettings WithBackupRoot(this DirectusUpgradeSettings settings, DirectoryPath root)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(root);
        settings.BackupRoot = root;
        return settings;
    }

    /// <summary>Writes the report to <paramref name="report"/>.</summary>
    public static DirectusUpgradeSettings WithReport(this DirectusUpgradeSettings settings, FilePath report)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(report);
        settings.ReportPath = report;
        return settings;
    }
}
