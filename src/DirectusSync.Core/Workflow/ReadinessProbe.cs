using System.Globalization;
using System.Net;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Transport;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// The one readiness rule of every front end: checks whether Directus is ready (<see cref="ReadinessCriterion"/>)
/// and waits until it has been ready a number of times in a row. Time comes from a <see cref="TimeProvider"/>, so
/// waits are tested without a clock.
/// </summary>
public sealed class ReadinessProbe : IDisposable
{
    private const string Scope = "readiness";
    private readonly ReadinessProbeOptions _options;
    private readonly ISyncLog _log;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly DirectusClient? _client;

    /// <summary>Creates a probe; nothing is sent until a check.</summary>
    public ReadinessProbe(ReadinessProbeOptions options, ISyncLog? log = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _log = log ?? NullSyncLog.Instance;
        _time = time ?? TimeProvider.System;
        _http = new HttpClient(options.Handler ?? new HttpClientHandler(), disposeHandler: options.Handler is null)
        {
            // With a trailing slash, "server/ping" stays under a base URL that has a path.
            BaseAddress = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/"),
            Timeout = options.RequestTimeout,
        };
        if (options.Credentials is not null && options.Criterion == ReadinessCriterion.Health)
        {
            _client = new DirectusClient(new DirectusClientOptions
            {
                BaseUrl = options.BaseUrl,
                Credentials = options.Credentials,
                RequestTimeout = options.RequestTimeout,
                TransientRetries = 0,
                Handler = options.Handler,
            });
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
            using var response = await _http.GetAsync(new Uri("server/ping", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            var text = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
            _log.Debug(Scope, $"Ping answered HTTP {(int)response.StatusCode}");
            return response.IsSuccessStatusCode && text == "pong";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
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
        _http.Dispose();
        _client?.Dispose();
    }

    private async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            string? status;
            if (_client is not null)
            {
                status = await new DirectusServer(_client).GetHealthStatusAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using var response = await _http.GetAsync(new Uri("server/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    return await PingAsync(cancellationToken).ConfigureAwait(false);
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                status = response.IsSuccessStatusCode ? JObject.Parse(body)["status"]?.ToString() : $"HTTP {(int)response.StatusCode}";
            }

            _log.Debug(Scope, $"Server status: {status}");
            return status == "ok";
        }
        catch (DirectusApiException e) when (e.StatusCode is 401 or 403)
        {
            // No or non-admin credentials: health is not readable, a pong shows the server is up.
            return await PingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DirectusApiException or HttpRequestException or TaskCanceledException or JsonException
                                   && !cancellationToken.IsCancellationRequested)
        {
            _log.Debug(Scope, $"Error checking server status: {e.Message}");
            return false;
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString(CultureInfo.InvariantCulture);
}
