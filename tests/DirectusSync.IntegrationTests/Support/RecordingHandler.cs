using System.Collections.Concurrent;

namespace DirectusSync.IntegrationTests.Support;

/// <summary>Passes every request through and records its method, path and query, to assert which routes a push used.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new HttpClientHandler())
{
    private readonly ConcurrentQueue<string> _requests = new();

    /// <summary>"METHOD /path?query" of every request so far.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    /// <summary>Forgets what was recorded.</summary>
    public void Clear() => _requests.Clear();

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue($"{request.Method} {request.RequestUri!.PathAndQuery}");
        return base.SendAsync(request, cancellationToken);
    }
}
