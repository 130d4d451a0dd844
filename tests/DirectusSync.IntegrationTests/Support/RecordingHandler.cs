using System.Collections.Concurrent;

namespace DirectusSync.IntegrationTests.Support;

/// <summary>Passes every request through and records its method, path and query (and, for writes, its body),
/// to assert which routes a push used.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new HttpClientHandler())
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<RecordedRequest> _writes = new();

    /// <summary>"METHOD /path?query" of every request so far.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    /// <summary>Every request other than a GET so far, with its body, in the order they were sent.</summary>
    public IReadOnlyList<RecordedRequest> Writes => _writes.ToList();

    /// <summary>Forgets what was recorded.</summary>
    public void Clear()
    {
        _requests.Clear();
        _writes.Clear();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue($"{request.Method} {request.RequestUri!.PathAndQuery}");
        if (request.Method != HttpMethod.Get)
        {
            string? body = null;
            if (request.Content is not null)
            {
                // Buffered first, so that reading it here leaves it whole for the send.
                await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                body = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }

            _writes.Enqueue(new RecordedRequest(request.Method.Method, Uri.UnescapeDataString(request.RequestUri.PathAndQuery), body));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
