namespace DirectusSync.Core.Transport;

/// <summary>
/// Sends through a handler that belongs to someone else. RestSharp disposes the handler of the client it builds;
/// wrapped in this, the caller's handler (a test's fake server, a proxy shared by several clients) outlives the client.
/// </summary>
internal sealed class BorrowedHandler(HttpMessageHandler owned) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _invoker = new(owned, disposeHandler: false);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.SendAsync(request, cancellationToken);
}
