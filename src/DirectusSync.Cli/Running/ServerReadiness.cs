using System.Globalization;
using System.Net;
using DirectusSync.Cli.Configuration;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Running;

/// <summary>
/// <c>helpers wait-server-ready</c>: polls <c>GET /server/health</c> until it answers <c>status: "ok"</c> the
/// required number of times in a row. With credentials the request is authenticated (Directus 12 answers 403 to
/// an anonymous health check); when health is refused (401/403: no or non-admin credentials) a <c>pong</c> from
/// <c>GET /server/ping</c> counts instead.
/// </summary>
internal sealed class ServerReadiness(ConnectionSettings settings, ISyncLog log)
{
    private const string Scope = "helpers-client";

    /// <summary>Returns once the server is ready; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeSpan timeout, int successes, CancellationToken cancellationToken)
    {
        var url = DirectusClientFactory.RequireUrl(settings);
        log.Info(Scope, $"Waiting for server to be ready (timeout {Seconds(timeout)}s, interval {Seconds(interval)}s, successes {successes})");
        var requestTimeout = TimeSpan.FromSeconds(Math.Clamp(interval.TotalSeconds, 1, 10));
        using var client = settings.IsComplete ? DirectusClientFactory.Create(settings, requestTimeout, transientRetries: 0) : null;
        using var http = new HttpClient { BaseAddress = new Uri(url.ToString().TrimEnd('/') + "/"), Timeout = requestTimeout };
        var end = DateTimeOffset.UtcNow + timeout;
        var consecutive = 0;
        while (DateTimeOffset.UtcNow < end)
        {
            consecutive = await IsReadyAsync(client, http, cancellationToken).ConfigureAwait(false) ? consecutive + 1 : 0;
            if (consecutive >= successes)
            {
                log.Info(Scope, "Server is ready");
                return;
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"Timeout waiting for server to be ready after {Seconds(timeout)}s");
    }

    private async Task<bool> IsReadyAsync(DirectusClient? client, HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            string? status;
            if (client is not null)
            {
                status = (await client.GetAsync("/server/health", cancellationToken).ConfigureAwait(false))?["status"]?.ToString();
            }
            else
            {
                using var response = await http.GetAsync(new Uri("server/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    return await PingAsync(http, cancellationToken).ConfigureAwait(false);
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                status = response.IsSuccessStatusCode ? JObject.Parse(body)["status"]?.ToString() : $"HTTP {(int)response.StatusCode}";
            }

            log.Debug(Scope, $"Server status: {status}");
            return status == "ok";
        }
        catch (DirectusApiException e) when (e.StatusCode is 401 or 403)
        {
            return await PingAsync(http, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DirectusApiException or HttpRequestException or TaskCanceledException or Newtonsoft.Json.JsonException
                                   && !cancellationToken.IsCancellationRequested)
        {
            log.Debug(Scope, $"Error checking server status: {e.Message}");
            return false;
        }
    }

    private async Task<bool> PingAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            var text = await http.GetStringAsync(new Uri("server/ping", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            log.Debug(Scope, $"Health is not readable with these credentials; ping answered '{text.Trim()}'");
            return text.Trim() == "pong";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            log.Debug(Scope, $"Error pinging the server: {e.Message}");
            return false;
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString(CultureInfo.InvariantCulture);
}
