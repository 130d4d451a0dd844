using Cake.Core;
using Cake.Core.IO;
using DirectusSync.Cake.Connection;
using DirectusSync.Cake.Settings;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;

namespace DirectusSync.Cake.Hosting;

/// <summary>
/// Turns alias settings into the core's inputs: unset connection values from the environment
/// (DIRECTUS_URL, DIRECTUS_TOKEN, DIRECTUS_ADMIN_EMAIL, DIRECTUS_ADMIN_PASSWORD), relative paths against
/// Cake's working directory. Every missing or wrong value is a <see cref="CakeException"/> naming the
/// alias and the setting.
/// </summary>
public static class SettingsResolver
{
    /// <summary>The base URL, checked.</summary>
    public static Uri Url(ICakeContext context, DirectusConnectionSettings settings, string alias)
    {
        var text = settings.Url ?? Environment(context, "DIRECTUS_URL")
            ?? throw new CakeException($"{alias}: no Directus URL. Set Url (WithUrl(\"http://…\")) or the DIRECTUS_URL environment variable.");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new CakeException($"{alias}: '{text}' is not a Directus URL (expected http://host:port or https://host).");
        }

        return url;
    }

    /// <summary>The URL and credentials.</summary>
    public static DirectusConnection Connection(ICakeContext context, DirectusConnectionSettings settings, string alias)
    {
        var url = Url(context, settings, alias);
        var token = settings.Token ?? Environment(context, "DIRECTUS_TOKEN");
        var email = settings.Email ?? Environment(context, "DIRECTUS_ADMIN_EMAIL");
        var password = settings.Password ?? Environment(context, "DIRECTUS_ADMIN_PASSWORD");
        var credentials = token is not null
            ? DirectusCredentials.FromToken(token)
            : email is not null && password is not null
                ? DirectusCredentials.FromLogin(email, password)
                : throw new CakeException($"{alias}: no credentials for {url}. Set Token (WithToken) or Email and Password (WithLogin), or the DIRECTUS_TOKEN (or DIRECTUS_ADMIN_EMAIL and DIRECTUS_ADMIN_PASSWORD) environment variables.");
        return new DirectusConnection(url, credentials) { RequestTimeout = settings.RequestTimeout };
    }

    /// <summary>The sync options with the dump path made absolute (./directus-config by default).</summary>
    public static SyncOptions SyncOptions(ICakeContext context, DirectusSyncSettings settings) =>
        settings.Options with { DumpPath = Absolute(context, settings.DumpPath ?? new DirectoryPath("directus-config")) };

    /// <summary>A directory made absolute against Cake's working directory.</summary>
    public static string Absolute(ICakeContext context, DirectoryPath path) => path.MakeAbsolute(context.Environment).FullPath;

    /// <summary>A file made absolute against Cake's working directory.</summary>
    public static string Absolute(ICakeContext context, FilePath path) => path.MakeAbsolute(context.Environment).FullPath;

    private static string? Environment(ICakeContext context, string name) =>
        context.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
