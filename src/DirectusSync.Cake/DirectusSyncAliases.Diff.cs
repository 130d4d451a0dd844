using Cake.Core;
using Cake.Core.Annotations;
using DirectusSync.Cake.Hosting;
using DirectusSync.Cake.Settings;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake;

/// <content>DirectusSyncDiff.</content>
public static partial class DirectusSyncAliases
{
    /// <summary>Diffs ./directus-config against the instance named by DIRECTUS_URL and DIRECTUS_TOKEN.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The plan a push would run.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// var diff = DirectusSyncDiff();
    /// if (diff.Plan.HasDrift) Warning("Directus differs from the repository");
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Diff")]
    public static DiffResult DirectusSyncDiff(this ICakeContext context) =>
        context.DirectusSyncDiff(new DirectusSyncDiffSettings());

    /// <summary>Diffs a dump against an instance, with settings set by <paramref name="configure"/>.</summary>
    /// <param name="context">The context.</param>
    /// <param name="configure">Sets the settings.</param>
    /// <returns>The plan a push would run.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncDiff(s => s.WithDumpPath("./directus-config").FailingOnDrift());
    /// DirectusSyncDiff(s => s.ShowingValues()); // field values too, secrets masked
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Diff")]
    public static DiffResult DirectusSyncDiff(this ICakeContext context, Action<DirectusSyncDiffSettings> configure) =>
        context.DirectusSyncDiff(Configure(configure));

    /// <summary>
    /// Computes what a push of the dump would do, without writing anything (directus-sync diff), and logs it by
    /// name: which collections, items and fields change; their values only with
    /// <see cref="DirectusSyncDiffSettings.ShowValues"/>, masked.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="settings">The settings.</param>
    /// <returns>The plan a push would run.</returns>
    /// <exception cref="CakeException">The server differs and <see cref="DirectusSyncDiffSettings.FailOnDrift"/> is set.</exception>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// var diff = DirectusSyncDiff(new DirectusSyncDiffSettings { DumpPath = "./directus-config", FailOnDrift = true });
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Diff")]
    public static DiffResult DirectusSyncDiff(this ICakeContext context, DirectusSyncDiffSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var connection = SettingsResolver.Connection(context, settings, nameof(DirectusSyncDiff));
        var options = SettingsResolver.SyncOptions(context, settings);
        using var client = connection.CreateClient();
        var log = Log(context, connection);
        var diff = Wait(new DirectusSyncEngine(client, log).DiffAsync(options));
        var lines = PlanSummary.Of(diff.Plan).Lines(settings.ShowValues);
        foreach (var line in lines)
        {
            log.Info("diff", line);
        }

        if (settings.FailOnDrift && diff.Plan.HasDrift)
        {
            throw new CakeException($"Directus at {connection.Url} differs from {options.DumpPath}:\n{string.Join('\n', lines)}");
        }

        return diff;
    }
}
