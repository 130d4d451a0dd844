using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DirectusSync.IntegrationTests.Support;

/// <summary>
/// A minimal HTTP stub on 127.0.0.1 for fault injection only (a server that claims another version,
/// answers 5xx or hangs): what a real Directus cannot be made to do on demand.
/// </summary>
public sealed class StubDirectus : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerRequest, (int Status, string Body)> _answer;
    private readonly Task _loop;

    /// <summary>Starts the stub on a free port.</summary>
    public StubDirectus(Func<HttpListenerRequest, (int Status, string Body)> answer)
    {
        _answer = answer;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The stub's base URL.</summary>
    public Uri Url { get; }

    /// <summary>Every request path received, in order.</summary>
    public List<string> Requests { get; } = [];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            lock (Requests)
            {
                Requests.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath}");
            }

            var (status, body) = _answer(context.Request);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_listener.IsListening)
        {
            return;
        }

        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
