using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Workflow;

/// <summary>Where a <see cref="ReadinessProbe"/> looks and how.</summary>
public sealed record ReadinessProbeOptions
{
    /// <summary>The instance's base URL (a path such as https://host/cms/ is kept).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Credentials for an authenticated health check; null for anonymous requests only.</summary>
    public DirectusCredentials? Credentials { get; init; }

    /// <summary>What "ready" means.</summary>
    public ReadinessCriterion Criterion { get; init; } = ReadinessCriterion.Health;

    /// <summary>Time-out of one check: a server that is starting may accept the connection and answer late.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A message handler for every request (tests, proxies); the caller keeps it (the probe never disposes it).</summary>
    public HttpMessageHandler? Handler { get; init; }
}
