using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cli.Running;

/// <summary>Builds the core's <see cref="DirectusClient"/> from the resolved connection settings, with messages that name the options to set.</summary>
internal static class DirectusClientFactory
{
    /// <summary>The URL, or an error saying where to set it.</summary>
    public static Uri RequireUrl(ConnectionSettings settings) => settings.UrlProblem switch
    {
        null => settings.ParsedUrl!,
        { Kind: ConnectionProblemKind.MissingUrl } => throw new SyncOptionsException("--directus-url",
            "Missing Directus URL: set --directus-url (-u), DIRECTUS_URL (environment or .env), or directusUrl in the config file."),
        var problem => throw new SyncOptionsException("--directus-url", problem.Message),
    };

    /// <summary>The credentials (a token wins), or an error naming what is missing.</summary>
    public static DirectusCredentials RequireCredentials(ConnectionSettings settings)
    {
        if (settings.Credentials is { } credentials)
        {
            return credentials;
        }

        var (option, missing) = settings.Email is null ? ("--directus-email", "e-mail") : ("--directus-password", "password");
        throw new SyncOptionsException(option,
            $"Missing Directus credentials ({missing}): set a token with --directus-token (-t) or DIRECTUS_TOKEN, "
            + "or an admin login with --directus-email (-e) and --directus-password (-p), or DIRECTUS_ADMIN_EMAIL and DIRECTUS_ADMIN_PASSWORD.");
    }

    /// <summary>A client for the configured server.</summary>
    public static DirectusClient Create(ConnectionSettings settings, TimeSpan? requestTimeout = null, int? transientRetries = null)
    {
        var options = new DirectusClientOptions
        {
            BaseUrl = RequireUrl(settings),
            Credentials = RequireCredentials(settings),
        };
        if (requestTimeout is { } timeout)
        {
            options = options with { RequestTimeout = timeout };
        }

        if (transientRetries is { } retries)
        {
            options = options with { TransientRetries = retries };
        }

        return new DirectusClient(options);
    }
}
