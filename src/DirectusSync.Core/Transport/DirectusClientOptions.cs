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
    /// How often an idempotent request (GET, PATCH, PUT, DELETE) that got no answer (a dropped connection, a
    /// time-out) or a 429/502/503/504 is tried again, with exponential back-off and jitter, or after the server's
    /// <c>Retry-After</c>. A create (POST) is never retried: one whose answer was lost may have been applied, and
    /// sending it again could duplicate an item; a re-run of the push finishes the job instead. 0 turns retries off.
    /// </summary>
    public int TransientRetries { get; init; } = 4;

    /// <summary>The first retry's median delay; each further retry doubles it (jittered).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest back-off between two attempts (a longer <c>Retry-After</c> is honoured if the budget allows).</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long one request may keep retrying, from its first attempt: no retry starts after it, and none whose
    /// <c>Retry-After</c> would end past it.
    /// </summary>
    public TimeSpan RetryBudget { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The clock retries wait on; tests pass one that does not wait.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Headers added to every request (e.g. for a firewall in front of Directus).</summary>
    public IReadOnlyDictionary<string, string> ExtraHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Lets tests and front ends plug in a handler (fault injection, proxies). The caller keeps it: the client never
    /// disposes it, so one handler may serve several clients.
    /// </summary>
    public HttpMessageHandler? Handler { get; init; }
}
