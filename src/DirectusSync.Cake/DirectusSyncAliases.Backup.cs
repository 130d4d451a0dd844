using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;
using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Cake.Hosting;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Cake.Settings;

namespace DirectusSync.Cake;

/// <content>DirectusSyncBackup.</content>
public static partial class DirectusSyncAliases
{
    /// <summary>Backs up the instance named by DIRECTUS_URL and DIRECTUS_TOKEN into ./backup-YYYYMMDD-HHMMSS (configuration only).</summary>
    /// <param name="context">The context.</param>
    /// <returns>The backup's manifest (folder, versions, database copy).</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// var backup = DirectusSyncBackup();
    /// Information("Backup in {0}", backup.Directory);
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Backup")]
    public static BackupManifest DirectusSyncBackup(this ICakeContext context) =>
        context.DirectusSyncBackup(new DirectusSyncBackupSettings());

    /// <summary>Backs up an instance, with settings set by <paramref name="configure"/>.</summary>
    /// <param name="context">The context.</param>
    /// <param name="configure">Sets the settings.</param>
    /// <returns>The backup's manifest.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncBackup(s => s.WithBackupRoot("./backups").WithDirectusEnvFile("/srv/directus/.env"));
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Backup")]
    public static BackupManifest DirectusSyncBackup(this ICakeContext context, Action<DirectusSyncBackupSettings> configure) =>
        context.DirectusSyncBackup(Configure(configure));

    /// <summary>
    /// Pulls the instance into a dated backup folder (a dump directus-sync can push back), records the
    /// Directus and DirectusSync versions in it (backup.json, VERSION), copies the database where it is
    /// reachable (SQLite file, pg_dump), and checks the backup loads and diffs clean against the server.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="settings">The settings.</param>
    /// <returns>The backup's manifest.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// var backup = DirectusSyncBackup(new DirectusSyncBackupSettings
    /// {
    ///     BackupRoot = "./backups",
    ///     Database = new SqliteDatabaseLocation("/srv/directus/data/data.db"),
    /// });
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Backup")]
    public static BackupManifest DirectusSyncBackup(this ICakeContext context, DirectusSyncBackupSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var connection = SettingsResolver.Connection(context, settings, nameof(DirectusSyncBackup));
        var options = SettingsResolver.SyncOptions(context, settings);
        var database = settings.Database;
        if (database is null && settings.DirectusEnvFile is not null)
        {
            var envFile = SettingsResolver.Absolute(context, settings.DirectusEnvFile);
            if (!File.Exists(envFile))
            {
                throw new CakeException($"{nameof(DirectusSyncBackup)}: the Directus env file {envFile} does not exist.");
            }

            database = DirectusEnvFile.Read(envFile).Database();
        }

        var log = Log(context, connection);
        var backups = new DirectusBackups(connection, options, new ProcessCommandRunner(log), log);
        var manifest = Wait(backups.CreateAsync(SettingsResolver.Absolute(context, settings.BackupRoot ?? new DirectoryPath(".")), database));
        if (settings.Verify)
        {
            Wait(backups.VerifyAsync(manifest, database));
        }

        return manifest;
    }
}
