using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Connection;

/// <summary>Where a Directus instance answers and how to authenticate; makes the core's clients.</summary>
/// <param name="Url">The base URL, e.g. http://127.0.0.1:8055.</param>
/// <param name="Credentials">A static admin token or an admin login.</param>
public sealed record DirectusConnection(Uri Url, DirectusCredentials Credentials)
{
    /// <summary>Time-out of one request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>A message handler for every request (tests record requests with it; proxies).</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>A new client; the caller disposes it.</summary>
    public DirectusClient CreateClient() => new(new DirectusClientOptions
    {
        BaseUrl = Url,
        Credentials = Credentials,
        RequestTimeout = RequestTimeout,
        Handler = Handler,
    });

    /// <inheritdoc />
    public override string ToString() => $"{Url} ({Credentials})";
}
