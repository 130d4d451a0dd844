using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;
using DirectusSync.Upgrade.Backups;
using DirectusSync.Cake.Hosting;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Cake.Settings;
using DirectusSync.Upgrade.Upgrade;

namespace DirectusSync.Cake;

/// <content>DirectusSyncRollback.</content>
public static partial class DirectusSyncAliases
{
    /// <summary>
    /// Rolls back an upgrade that was killed outright (kill -9, a lost CI runner), from its backup folder:
    /// reads backup.json and upgrade-state.json and undoes what the state says was started — stop, old
    /// version back, database restored, start, configuration pushed — with the same chained rollback as
    /// the upgrade. The settings must name the same Directus, provider and database as the upgrade did
    /// (the target version is read from the state when not set). Nothing is done when Directus was never
    /// stopped, the upgrade completed, or it was already rolled back.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="settings">The upgrade's settings.</param>
    /// <param name="backup">The backup folder (backup-YYYYMMDD-HHMMSS).</param>
    /// <returns>What was done.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// Information(DirectusSyncRollback(DirectusSyncUpgradeArguments(), Argument<string>("backup")));
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Upgrade")]
    public static string DirectusSyncRollback(this ICakeContext context, DirectusUpgradeSettings settings, DirectoryPath backup)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(backup);
        var folder = SettingsResolver.Absolute(context, backup);
        UpgradeState state;
        try
        {
            _ = BackupManifest.Read(folder);
            state = UpgradeState.Read(folder) ?? throw new CakeException($"{nameof(DirectusSyncRollback)}: {folder} has no {UpgradeState.FileName}: it was not made by an upgrade.");
        }
        catch (FileNotFoundException e)
        {
            throw new CakeException($"{nameof(DirectusSyncRollback)}: {e.Message}");
        }

        settings.TargetVersion ??= state.Target;
        var options = UpgradeFactory.Options(context, settings) with
        {
            ReportPath = System.IO.Path.Combine(folder, "rollback-report.md"),
        };
        var log = Log(context);
        var runner = new ProcessCommandRunner(log);
        var upgrade = new DirectusUpgrade(options, UpgradeFactory.Provider(context, settings, runner), runner, log);
        return Wait(upgrade.RollbackFromBackupAsync(folder));
    }
}
