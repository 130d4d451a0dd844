namespace DirectusSync.Cake.Connection;

/// <summary>
/// Waits until Directus answers <c>GET /server/ping</c> with <c>pong</c>, anonymously: a server that is
/// starting cannot log anyone in yet, and anonymous <c>/server/health</c> is 403 on Directus 12.
/// </summary>
public static class ServerReadiness
{
    /// <summary>True when the server answers <c>pong</c> now.</summary>
    public static async Task<bool> PingAsync(DirectusConnection connection, CancellationToken cancellationToken = default)
    {
        using var http = CreateHttpClient(connection);
        return await PingAsync(http, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls until the server answers <c>pong</c>; false when <paramref name="timeout"/> passes first.</summary>
    public static async Task<bool> WaitAsync(DirectusConnection connection, TimeSpan timeout, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var pause = interval ?? TimeSpan.FromMilliseconds(500);
        using var http = CreateHttpClient(connection);
        while (true)
        {
            if (await PingAsync(http, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            if (DateTimeOffset.UtcNow + pause > deadline)
            {
                return false;
            }

            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
        }
    }

    private static HttpClient CreateHttpClient(DirectusConnection connection) =>
        new(connection.Handler ?? new HttpClientHandler(), disposeHandler: connection.Handler is null)
        {
            // With a trailing slash, "server/ping" stays under a base URL that has a path (https://host/cms/).
            BaseAddress = connection.Url.AbsoluteUri.EndsWith('/') ? connection.Url : new Uri(connection.Url.AbsoluteUri + "/"),
            // A server that is starting may accept the connection and answer late.
            Timeout = TimeSpan.FromSeconds(5),
        };

    private static async Task<bool> PingAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("server/ping", cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                && (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim() == "pong";
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
