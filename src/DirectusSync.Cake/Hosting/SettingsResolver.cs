using Cake.Core;
using Cake.Core.IO;
using DirectusSync.Upgrade.Connection;
using DirectusSync.Cake.Settings;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake.Hosting;

/// <summary>
/// Turns alias settings into the core's inputs: unset connection values from the environment
/// (DIRECTUS_URL, DIRECTUS_TOKEN, DIRECTUS_ADMIN_EMAIL, DIRECTUS_ADMIN_PASSWORD), relative paths against
/// Cake's working directory. Every missing or wrong value is a <see cref="CakeException"/> naming the
/// alias and the setting.
/// </summary>
public static class SettingsResolver
{
    /// <summary>The URL and credentials as set and where each came from (the setting or the environment variable); nothing is checked.</summary>
    public static ConnectionSettings Settings(ICakeContext context, DirectusConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return ConnectionSettingsResolver.Resolve(
            SettingLayer.FromVariables(SettingSource.Environment, context.Environment.GetEnvironmentVariable),
            SettingLayer.Of(SettingSource.Explicit)
                .With(ConnectionSettingName.Url, nameof(settings.Url), settings.Url)
                .With(ConnectionSettingName.Token, nameof(settings.Token), settings.Token)
                .With(ConnectionSettingName.Email, nameof(settings.Email), settings.Email)
                .With(ConnectionSettingName.Password, nameof(settings.Password), settings.Password));
    }

    /// <summary>The base URL, checked.</summary>
    public static Uri Url(ICakeContext context, DirectusConnectionSettings settings, string alias) => Url(Settings(context, settings), alias);

    /// <summary>The URL and credentials.</summary>
    public static DirectusConnection Connection(ICakeContext context, DirectusConnectionSettings settings, string alias)
    {
        var resolved = Settings(context, settings);
        var url = Url(resolved, alias);
        var credentials = resolved.Credentials
            ?? throw new CakeException($"{alias}: no credentials for {url}. Set Token (WithToken) or Email and Password (WithLogin), or the DIRECTUS_TOKEN (or DIRECTUS_ADMIN_EMAIL and DIRECTUS_ADMIN_PASSWORD) environment variables."
                + (resolved.CredentialsProblem is { Setting: not null } half ? $" {half.Message}" : string.Empty));
        return new DirectusConnection(url, credentials) { RequestTimeout = settings.RequestTimeout };
    }

    /// <summary>The sync options with the dump path made absolute (./directus-config by default).</summary>
    public static SyncOptions SyncOptions(ICakeContext context, DirectusSyncSettings settings) =>
        settings.Options with { DumpPath = Absolute(context, settings.DumpPath ?? new DirectoryPath("directus-config")) };

    /// <summary>A directory made absolute against Cake's working directory.</summary>
    public static string Absolute(ICakeContext context, DirectoryPath path) => path.MakeAbsolute(context.Environment).FullPath;

    /// <summary>A file made absolute against Cake's working directory.</summary>
    public static string Absolute(ICakeContext context, FilePath path) => path.MakeAbsolute(context.Environment).FullPath;

    private static Uri Url(ConnectionSettings settings, string alias) => settings.UrlProblem switch
    {
        null => settings.ParsedUrl!,
        { Kind: ConnectionProblemKind.MissingUrl } =>
            throw new CakeException($"{alias}: no Directus URL. Set Url (WithUrl(\"http://…\")) or the DIRECTUS_URL environment variable."),
        _ => throw new CakeException($"{alias}: '{settings.Url!.Value}' is not a Directus URL (expected http://host:port or https://host; set by {settings.UrlOrigin})."),
    };
}
