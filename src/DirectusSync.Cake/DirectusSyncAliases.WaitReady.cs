using Cake.Core;
using Cake.Core.Annotations;
using DirectusSync.Cake.Hosting;
using DirectusSync.Cake.Settings;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake;

/// <content>DirectusSyncWaitReady.</content>
public static partial class DirectusSyncAliases
{
    /// <summary>Waits until the instance named by DIRECTUS_URL answers (2 minutes at most).</summary>
    /// <param name="context">The context.</param>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncWaitReady();
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Server")]
    public static void DirectusSyncWaitReady(this ICakeContext context) =>
        context.DirectusSyncWaitReady(new DirectusSyncWaitReadySettings());

    /// <summary>Waits until an instance answers, with settings set by <paramref name="configure"/>.</summary>
    /// <param name="context">The context.</param>
    /// <param name="configure">Sets the settings.</param>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncWaitReady(s => s.WithUrl("http://127.0.0.1:8055").WithTimeout(TimeSpan.FromMinutes(5)));
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Server")]
    public static void DirectusSyncWaitReady(this ICakeContext context, Action<DirectusSyncWaitReadySettings> configure) =>
        context.DirectusSyncWaitReady(Configure(configure));

    /// <summary>
    /// Waits until Directus answers <c>GET /server/ping</c> with <c>pong</c> (anonymous; health is 403
    /// for anonymous callers on Directus 12). Fails when the time-out passes first.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="settings">The settings.</param>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncWaitReady(new DirectusSyncWaitReadySettings { Url = "http://127.0.0.1:8055", Timeout = TimeSpan.FromMinutes(5) });
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Server")]
    public static void DirectusSyncWaitReady(this ICakeContext context, DirectusSyncWaitReadySettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var url = SettingsResolver.Url(context, settings, nameof(DirectusSyncWaitReady));
        if (settings.Timeout <= TimeSpan.Zero || settings.Interval <= TimeSpan.Zero)
        {
            throw new CakeException($"{nameof(DirectusSyncWaitReady)}: Timeout and Interval must be positive.");
        }

        // Ping is anonymous: the credentials are not needed and not asked for.
        using var probe = new ReadinessProbe(new ReadinessProbeOptions { BaseUrl = url, Criterion = ReadinessCriterion.Ping }, Log(context));
        if (!Wait(probe.WaitAsync(settings.Timeout, settings.Interval)))
        {
            throw new CakeException($"Directus at {url} did not answer /server/ping within {settings.Timeout.TotalSeconds:0} s.");
        }
    }
}
