using System.Net;

namespace DirectusSync.Core.Tests.Transport;

/// <summary>
/// An in-process stand-in for Directus that answers each request with the next scripted fault, then with
/// <c>{"data":{"ok":true}}</c>: a status (with an optional <c>Retry-After</c>) or a dropped connection.
/// </summary>
public sealed class FaultyDirectus : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _faults = new();

    /// <summary>Every request received, as "METHOD /path".</summary>
    public List<string> Requests { get; } = [];

    public FaultyDirectus Status(HttpStatusCode status, string? retryAfter = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(() =>
            {
                var response = new HttpResponseMessage(status) { Content = new StringContent("""{"errors":[{"message":"injected"}]}""") };
                if (retryAfter is not null)
                {
                    response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
                }

                return response;
            });
        }

        return this;
    }

    public FaultyDirectus DroppedConnection(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(() => throw new HttpRequestException("Connection reset by peer (injected)"));
        }

        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            var next = _faults.Count > 0
                ? _faults.Dequeue()
                : () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"data":{"ok":true}}""") };
            return Task.FromResult(next());
        }
    }
}
