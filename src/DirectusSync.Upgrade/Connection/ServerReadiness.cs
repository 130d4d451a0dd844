using DirectusSync.Core.Workflow;

namespace DirectusSync.Upgrade.Connection;

/// <summary>
/// The core's <see cref="ReadinessProbe"/> for a <see cref="DirectusConnection"/>, with the upgrade's criterion:
/// <c>GET /server/ping</c> answers <c>pong</c>, anonymously (a server that is starting cannot log anyone in yet,
/// and anonymous <c>/server/health</c> is 403 on Directus 12).
/// </summary>
public static class ServerReadiness
{
    /// <summary>True when the server answers <c>pong</c> now.</summary>
    public static async Task<bool> PingAsync(DirectusConnection connection, CancellationToken cancellationToken = default)
    {
        using var probe = Probe(connection);
        return await probe.PingAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls until the server answers <c>pong</c>; false when <paramref name="timeout"/> passes first.</summary>
    public static async Task<bool> WaitAsync(DirectusConnection connection, TimeSpan timeout, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        using var probe = Probe(connection);
        return await probe.WaitAsync(timeout, interval ?? TimeSpan.FromMilliseconds(500), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static ReadinessProbe Probe(DirectusConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new ReadinessProbe(new ReadinessProbeOptions
        {
            BaseUrl = connection.Url,
            Criterion = ReadinessCriterion.Ping,
            Handler = connection.Handler,
        });
    }
}
