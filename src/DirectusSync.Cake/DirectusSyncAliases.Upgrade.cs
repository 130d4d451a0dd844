using Cake.Core;
using Cake.Core.Annotations;
using DirectusSync.Cake.Hosting;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Cake.Settings;
using DirectusSync.Upgrade.Upgrade;

namespace DirectusSync.Cake;

/// <content>DirectusSyncUpgrade and DirectusSyncUpgradeArguments.</content>
public static partial class DirectusSyncAliases
{
    /// <summary>Reads the UpgradeDirectus pipeline's command-line arguments (--directus-version, --directus-url, --push-pending, …) into settings.</summary>
    /// <param name="context">The context.</param>
    /// <returns>New settings; change them before <c>DirectusSyncUpgrade</c>.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// var settings = DirectusSyncUpgradeArguments();
    /// settings.TargetVersion ??= "12.4.0";
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Upgrade")]
    public static DirectusUpgradeSettings DirectusSyncUpgradeArguments(this ICakeContext context) => UpgradeArguments.Read(context);

    /// <summary>Prepares an upgrade with settings set by <paramref name="configure"/>.</summary>
    /// <param name="context">The context.</param>
    /// <param name="configure">Sets the settings.</param>
    /// <returns>The upgrade; run its steps one Cake task each (see <see cref="DirectusUpgrade.RunAsync(UpgradeStep, CancellationToken)"/>).</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// var upgrade = DirectusSyncUpgrade(s => s.ToVersion("12.4.0").UsingNpm("/srv/directus").WithDirectusEnvFile("/srv/directus/.env"));
    /// await upgrade.RunAsync();
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Upgrade")]
    public static DirectusUpgrade DirectusSyncUpgrade(this ICakeContext context, Action<DirectusUpgradeSettings> configure) =>
        context.DirectusSyncUpgrade(Configure(configure));

    /// <summary>
    /// Prepares the upgrade of a Directus instance as gated steps: preflight (version, diff of the
    /// repository's dump), backup (dump, versions, database; verified), version check (matrix, major steps,
    /// licence gate), stop, bump, install, migrate, start through the provider, post-upgrade (healthy, pull,
    /// diff, push adjustments, nothing lost), with a rollback after any failure past the stop and a
    /// Markdown report. Settings are checked here; nothing is contacted until the first step.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="settings">The settings.</param>
    /// <returns>The upgrade; run its steps one Cake task each.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// var upgrade = DirectusSyncUpgrade(new DirectusUpgradeSettings { TargetVersion = "12.4.0" }.UsingNpm("/srv/directus"));
    /// Task("Preflight").Does(async () => await upgrade.RunAsync(UpgradeStep.Preflight));
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Upgrade")]
    public static DirectusUpgrade DirectusSyncUpgrade(this ICakeContext context, DirectusUpgradeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var options = UpgradeFactory.Options(context, settings);
        var log = Log(context, options.Connection);
        var runner = new ProcessCommandRunner(log);
        var upgrade = new DirectusUpgrade(options, UpgradeFactory.Provider(context, settings, runner), runner, log);
        UpgradeSignals.CancelOnSignals(upgrade, log);
        return upgrade;
    }
}
