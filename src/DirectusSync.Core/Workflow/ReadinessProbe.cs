using System.Globalization;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// The one readiness rule of every front end: checks whether Directus is ready (<see cref="ReadinessCriterion"/>)
/// and waits until it has been ready a number of times in a row. Time comes from a <see cref="TimeProvider"/>, so
/// waits are tested without a clock. Requests go through <see cref="DirectusClient"/> like every other request,
/// without retries (the wait is the retry); pings are anonymous, as a server that is starting cannot log anyone in.
/// </summary>
public sealed class ReadinessProbe : IDisposable
{
    private const string Scope = "readiness";
    private readonly ReadinessProbeOptions _options;
    private readonly ISyncLog _log;
    private readonly TimeProvider _time;
    private readonly DirectusClient _anonymous;
    private readonly DirectusClient? _authenticated;

    /// <summary>Creates a probe; nothing is sent until a check.</summary>
    public ReadinessProbe(ReadinessProbeOptions options, ISyncLog? log = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _log = log ?? NullSyncLog.Instance;
        _time = time ?? TimeProvider.System;
        _anonymous = Client(DirectusCredentials.Anonymous);
        if (options.Credentials is { IsAnonymous: false } credentials && options.Criterion == ReadinessCriterion.Health)
        {
            _authenticated = Client(credentials);
        }
    }

    /// <summary>One check: true when the server is ready now.</summary>
    public Task<bool> IsReadyAsync(CancellationToken cancellationToken = default) =>
        _options.Criterion == ReadinessCriterion.Ping ? PingAsync(cancellationToken) : IsHealthyAsync(cancellationToken);

    /// <summary>True when <c>/server/ping</c> answers <c>pong</c> now (anonymous).</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var answer = await new DirectusServer(_anonymous).GetPingAnswerAsync(cancellationToken).ConfigureAwait(false);
            _log.Debug(Scope, answer == "pong" ? "Ping answered pong" : "Ping answered something other than pong");
            return answer == "pong";
        }
        catch (DirectusApiException e)
        {
            _log.Debug(Scope, $"Error pinging the server: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// Checks until the server has been ready <paramref name="successes"/> times in a row, pausing
    /// <paramref name="interval"/> between checks; false when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeSpan interval, int successes = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(successes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _log.Info(Scope, $"Waiting for server to be ready (timeout {Seconds(timeout)}s, interval {Seconds(interval)}s, successes {successes})");
        var end = _time.GetUtcNow() + timeout;
        var consecutive = 0;
        while (true)
        {
            consecutive = await IsReadyAsync(cancellationToken).ConfigureAwait(false) ? consecutive + 1 : 0;
            if (consecutive >= successes)
            {
                _log.Info(Scope, "Server is ready");
                return true;
            }

            if (_time.GetUtcNow() + interval > end)
            {
                return false;
            }

            await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _anonymous.Dispose();
        _authenticated?.Dispose();
    }

    private DirectusClient Client(DirectusCredentials credentials) => new(new DirectusClientOptions
    {
        BaseUrl = _options.BaseUrl,
        Credentials = credentials,
        RequestTimeout = _options.RequestTimeout,
        TransientRetries = 0,
        TimeProvider = _time,
        Handler = _options.Handler,
    });

    private async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = await new DirectusServer(_authenticated ?? _anonymous).GetHealthStatusAsync(cancellationToken).ConfigureAwait(false);
            _log.Debug(Scope, $"Server status: {status}");
            return status == "ok";
        }
        catch (DirectusApiException e) when (e.StatusCode is 401 or 403)
        {
            // No or non-admin credentials (anonymous health is 403 on Directus 12): a pong shows the server is up.
            return await PingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DirectusApiException e)
        {
            _log.Debug(Scope, $"Error checking server status: {e.Message}");
            return false;
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString(CultureInfo.InvariantCulture);
}
