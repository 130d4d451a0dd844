namespace DirectusSync.IntegrationTests.Upgrade;

/// <summary>
/// Records every request ("METHOD /path") that reaches Directus. It outlives the clients that use it:
/// the upgrade makes a client per step, and each would otherwise dispose the shared handler.
/// </summary>
public sealed class RecordingHandler() : DelegatingHandler(new HttpClientHandler())
{
    private readonly List<string> _requests = [];

    /// <summary>The requests, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // Shared by every client of a run: never disposed by one of them.
    }
}
