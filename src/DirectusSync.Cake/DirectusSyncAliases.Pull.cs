using Cake.Core;
using Cake.Core.Annotations;
using DirectusSync.Cake.Hosting;
using DirectusSync.Cake.Settings;
using DirectusSync.Core.Sync;

namespace DirectusSync.Cake;

/// <content>DirectusSyncPull.</content>
public static partial class DirectusSyncAliases
{
    /// <summary>Pulls the instance named by DIRECTUS_URL and DIRECTUS_TOKEN into ./directus-config.</summary>
    /// <param name="context">The context.</param>
    /// <returns>What was written.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncPull();
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Pull")]
    public static PullResult DirectusSyncPull(this ICakeContext context) =>
        context.DirectusSyncPull(new DirectusSyncPullSettings());

    /// <summary>Pulls an instance into a dump folder, with settings set by <paramref name="configure"/>.</summary>
    /// <param name="context">The context.</param>
    /// <param name="configure">Sets the settings.</param>
    /// <returns>What was written.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncPull(s => s.WithUrl("http://127.0.0.1:8055").WithDumpPath("./directus-config").WithExcludedCollections("presets"));
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Pull")]
    public static PullResult DirectusSyncPull(this ICakeContext context, Action<DirectusSyncPullSettings> configure) =>
        context.DirectusSyncPull(Configure(configure));

    /// <summary>Pulls an instance's schema, specs and system collections into a dump folder (directus-sync pull).</summary>
    /// <param name="context">The context.</param>
    /// <param name="settings">The settings.</param>
    /// <returns>What was written.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// var result = DirectusSyncPull(new DirectusSyncPullSettings
    /// {
    ///     Url = "http://127.0.0.1:8055",
    ///     DumpPath = "./directus-config",
    /// });
    /// Information("Pulled Directus {0}", result.Server.Version);
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Pull")]
    public static PullResult DirectusSyncPull(this ICakeContext context, DirectusSyncPullSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var connection = SettingsResolver.Connection(context, settings, nameof(DirectusSyncPull));
        var options = SettingsResolver.SyncOptions(context, settings);
        using var client = connection.CreateClient();
        return Wait(new DirectusSyncEngine(client, Log(context, connection)).PullAsync(options));
    }
}
