using Cake.Core;
using Cake.Core.Annotations;
using DirectusSync.Cake.Hosting;
using DirectusSync.Cake.Settings;
using DirectusSync.Core.Transport;

namespace DirectusSync.Cake;

/// <content>DirectusSyncServerInfo.</content>
public static partial class DirectusSyncAliases
{
    /// <summary>Reads the version of the instance named by DIRECTUS_URL and DIRECTUS_TOKEN.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The version and project name.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// Information("Directus {0}", DirectusSyncServerInfo().Version);
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Server")]
    public static ServerInfo DirectusSyncServerInfo(this ICakeContext context) =>
        context.DirectusSyncServerInfo(new DirectusSyncServerInfoSettings());

    /// <summary>Reads an instance's version, with settings set by <paramref name="configure"/>.</summary>
    /// <param name="context">The context.</param>
    /// <param name="configure">Sets the settings.</param>
    /// <returns>The version and project name.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// var info = DirectusSyncServerInfo(s => s.WithUrl("http://127.0.0.1:8055"));
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Server")]
    public static ServerInfo DirectusSyncServerInfo(this ICakeContext context, Action<DirectusSyncServerInfoSettings> configure) =>
        context.DirectusSyncServerInfo(Configure(configure));

    /// <summary>Reads an instance's version and project name (<c>GET /server/info</c> as an admin).</summary>
    /// <param name="context">The context.</param>
    /// <param name="settings">The settings.</param>
    /// <returns>The version and project name.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// var info = DirectusSyncServerInfo(new DirectusSyncServerInfoSettings { Url = "http://127.0.0.1:8055" });
    /// if (!SupportedDirectusVersions.IsSupported(info.Version)) throw new Exception("unsupported");
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Server")]
    public static ServerInfo DirectusSyncServerInfo(this ICakeContext context, DirectusSyncServerInfoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var connection = SettingsResolver.Connection(context, settings, nameof(DirectusSyncServerInfo));
        using var client = connection.CreateClient();
        return Wait(new DirectusServer(client).GetInfoAsync());
    }
}
