namespace DirectusSync.IntegrationTests.Support;

/// <summary>
/// Fault injection: every id-map write for one table fails as a dropped connection would, so a push stops
/// right after Directus created that table's items and before any of them is mapped.
/// </summary>
public sealed class DropIdMapWrites(string table) : DelegatingHandler(new HttpClientHandler())
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == $"/directus-extension-sync/table/{table}")
        {
            throw new HttpRequestException("Connection reset (fault injected by the test)");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
