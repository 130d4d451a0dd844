namespace DirectusSync.IntegrationTests.Support;

/// <summary>
/// Fault injection: lets <paramref name="writes"/> write requests through, then drops every request as a
/// dead server would (connection refused), so a push stops half-way at a known point.
/// </summary>
public sealed class DropConnectionsAfterWrites(int writes) : DelegatingHandler(new HttpClientHandler())
{
    private int _writes;

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get && Interlocked.Increment(ref _writes) > writes)
        {
            throw new HttpRequestException("Connection refused (fault injected by the test)");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
