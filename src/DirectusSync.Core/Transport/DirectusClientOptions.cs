namespace DirectusSync.Core.Transport;

/// <summary>Where and how to reach a Directus instance.</summary>
public sealed record DirectusClientOptions
{
    /// <summary>The instance's base URL, e.g. http://127.0.0.1:8055.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>A static token or an admin login.</summary>
    public required DirectusCredentials Credentials { get; init; }

    /// <summary>Time-out of one request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How many requests may be in flight at once. Directus handles parallel reads well; the reference
    /// CLI's strictly sequential requests are what makes it slow.
    /// </summary>
    public int MaxConcurrentRequests { get; init; } = 8;

    /// <summary>
    /// How often a read that got no answer or a 502/503/504 is tried again. Writes are never retried: one
    /// whose answer was lost may have been applied; a re-run of the push finishes the job instead.
    /// </summary>
    public int TransientRetries { get; init; } = 2;

    /// <summary>Headers added to every request (e.g. for a firewall in front of Directus).</summary>
    public IReadOnlyDictionary<string, string> ExtraHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>Lets tests and front ends plug in a handler (fault injection, proxies).</summary>
    public HttpMessageHandler? Handler { get; init; }
}
