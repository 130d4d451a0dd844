using Cake.Core;
using Cake.Core.Annotations;
using DirectusSync.Cake.Hosting;
using DirectusSync.Cake.Settings;
using DirectusSync.Core.Execution;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake;

/// <content>DirectusSyncPush.</content>
public static partial class DirectusSyncAliases
{
    /// <summary>Pushes ./directus-config to the instance named by DIRECTUS_URL and DIRECTUS_TOKEN.</summary>
    /// <param name="context">The context.</param>
    /// <returns>What was created, updated and deleted.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncPush();
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Push")]
    public static PushResult DirectusSyncPush(this ICakeContext context) =>
        context.DirectusSyncPush(new DirectusSyncPushSettings());

    /// <summary>Pushes a dump to an instance, with settings set by <paramref name="configure"/>.</summary>
    /// <param name="context">The context.</param>
    /// <param name="configure">Sets the settings.</param>
    /// <returns>What was created, updated and deleted.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncPush(s => s.WithUrl("https://cms.example.com").WithDumpPath("./directus-config").WithMode(PushMode.Merge));
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Push")]
    public static PushResult DirectusSyncPush(this ICakeContext context, Action<DirectusSyncPushSettings> configure) =>
        context.DirectusSyncPush(Configure(configure));

    /// <summary>
    /// Applies the dump to the instance (directus-sync push) through the core's push workflow: schema first, then
    /// items; diffed again afterwards and finished until nothing is left. The deletion guard is checked before every
    /// pass: a push that would drop a collection, field or relation, or delete items en masse, throws a
    /// <see cref="CakeException"/> before writing, unless consented to (<c>WithAllowSchemaDeletes()</c>, <c>WithAllowDeletes()</c>).
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="settings">The settings.</param>
    /// <returns>What was created, updated and deleted.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncPush(new DirectusSyncPushSettings { DumpPath = "./directus-config" }.WithForce());
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Push")]
    public static PushResult DirectusSyncPush(this ICakeContext context, DirectusSyncPushSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var connection = SettingsResolver.Connection(context, settings, nameof(DirectusSyncPush));
        var options = SettingsResolver.SyncOptions(context, settings);
        if (!Directory.Exists(options.DumpPath))
        {
            throw new CakeException($"{nameof(DirectusSyncPush)}: the dump {options.DumpPath} does not exist; nothing was pushed.");
        }

        using var client = connection.CreateClient();
        var log = Log(context, connection);
        var request = new PushRequest(options) { Consent = settings.Consent };
        return Wait(Guarded(nameof(DirectusSyncPush), new PushWorkflow(new DirectusSyncEngine(client, log), log).RunAsync(request))).Result!;
    }
}
