using Cake.Core;
using Cake.Core.Annotations;
using DirectusSync.Upgrade.Backups;
using DirectusSync.Cake.Hosting;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Cake.Settings;
using DirectusSync.Core.Sync;

namespace DirectusSync.Cake;

/// <content>DirectusSyncRestore.</content>
public static partial class DirectusSyncAliases
{
    /// <summary>Pushes a backup's configuration back, with settings set by <paramref name="configure"/>.</summary>
    /// <param name="context">The context.</param>
    /// <param name="configure">Sets the settings (at least the backup folder).</param>
    /// <returns>The diff after the push (clean).</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncRestore(s => s.WithBackupPath("./backup-20261125-101500"));
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Restore")]
    public static DiffResult DirectusSyncRestore(this ICakeContext context, Action<DirectusSyncRestoreSettings> configure) =>
        context.DirectusSyncRestore(Configure(configure));

    /// <summary>
    /// Pushes the configuration of a backup made by <c>DirectusSyncBackup</c> (or the upgrade) back to the
    /// instance, only when the instance runs the backup's Directus version, and checks that the diff is
    /// clean afterwards. Fails when it is not.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="settings">The settings.</param>
    /// <returns>The diff after the push (clean).</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncRestore(new DirectusSyncRestoreSettings { BackupPath = "./backup-20261125-101500" });
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Restore")]
    public static DiffResult DirectusSyncRestore(this ICakeContext context, DirectusSyncRestoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var path = settings.BackupPath ?? throw new CakeException($"{nameof(DirectusSyncRestore)}: no backup folder. Set BackupPath (WithBackupPath(\"./backup-…\")).");
        var connection = SettingsResolver.Connection(context, settings, nameof(DirectusSyncRestore));
        BackupManifest manifest;
        try
        {
            manifest = BackupManifest.Read(SettingsResolver.Absolute(context, path));
        }
        catch (FileNotFoundException e)
        {
            throw new CakeException($"{nameof(DirectusSyncRestore)}: {e.Message}");
        }

        var log = Log(context, connection);
        return Wait(Guarded(nameof(DirectusSyncRestore), new DirectusBackups(connection, settings.Options, new ProcessCommandRunner(log), log).RestoreAsync(manifest, settings.Consent)));
    }
}
