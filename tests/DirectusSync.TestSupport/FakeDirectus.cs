using System.Net;
using System.Net.Sockets;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.TestSupport;

/// <summary>
/// The one in-process stand-in for Directus, for fault injection (a real Directus is what proves a sync works; this
/// one does on demand what a real server cannot be made to do). Plugged into a client as its message handler, or
/// served over HTTP on 127.0.0.1 (<see cref="Listen"/>) for a program in another process. Each request gets, first
/// that applies:
/// <list type="number">
/// <item><see cref="Override"/>, when set (every request);</item>
/// <item>the next scripted answer of its route (<see cref="On(string, FakeAnswer[])"/>), else the route's
/// <see cref="Always"/> answer;</item>
/// <item>with <see cref="RequireLogin"/>: Directus' authentication (numbered tokens, 401 without a valid one);</item>
/// <item>the next scripted fault of any route (<see cref="Status"/>, <see cref="DroppedConnection"/>, <see cref="Hang"/>);</item>
/// <item>a small Directus: <c>/server/info</c> with <see cref="Version"/>, <c>/server/ping</c>, the sync extension
/// (its ping, the id maps added with <see cref="AddIdMap"/>), the data given to <see cref="Serve"/>, and a batch
/// create answered with one id per item (integers from 100 unless the item has its own);</item>
/// <item><c>{"data":{"ok":true}}</c>, or with <see cref="Strict"/> Directus' 404 for an unknown read and a 405 for any
/// other write.</item>
/// </list>
/// Every request is recorded (<see cref="Sent"/>).
/// </summary>
public sealed class FakeDirectus : HttpMessageHandler
{
    private const string Extension = "/directus-extension-sync";
    private const string Unauthorized = """{"errors":[{"message":"Token expired.","extensions":{"code":"TOKEN_EXPIRED"}}]}""";

    private readonly Lock _gate = new();
    private readonly List<SentRequest> _sent = [];
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _faults = new();
    private readonly Dictionary<string, Queue<FakeAnswer>> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeAnswer> _always = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TaskCompletionSource Arrived, TaskCompletionSource Release)> _holds = new(StringComparer.Ordinal);
    private readonly List<(string Path, JToken Data)> _served = [];
    private readonly List<(string Table, string SyncId, string LocalId)> _idMaps = [];
    private readonly HashSet<string> _validTokens = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private (string Email, string Password)? _account;
    private long _expiresMs;
    private int _issued;
    private string? _refreshToken;
    private long _nextId = 100;
    private HttpListener? _listener;
    private Task? _serving;

    /// <summary>The path Directus is served under (<c>/cms</c> for https://host/cms); routes are written without it.</summary>
    public string BasePath { get; init; } = string.Empty;

    /// <summary>The clock a <see cref="FakeAnswer.Takes"/> is spent on.</summary>
    public InstantClock? Clock { get; init; }

    /// <summary>The version <c>/server/info</c> reports.</summary>
    public string Version { get; set; } = "11.17.4";

    /// <summary>Unknown reads get Directus' 404 and writes a 405, instead of a success (a fake for a read-only task).</summary>
    public bool Strict { get; set; }

    /// <summary>When set, answers every request (status, body); it may throw, as a refused connection does.</summary>
    public Func<HttpRequestMessage, (HttpStatusCode Status, string Body)>? Override { get; set; }

    /// <summary>When set, every request waits for it before it is answered; it gets the request's cancellation token.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task>? HoldEvery { get; set; }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<SentRequest> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Every request received, as "METHOD /path".</summary>
    public IReadOnlyList<string> Requests => Sent.Select(r => r.Route).ToList();

    /// <summary>Every request as "METHOD /path?query body" (query unescaped, body as compact JSON; no body, no space).</summary>
    public IReadOnlyList<string> Transcript => Sent.Select(r =>
    {
        var route = Uri.UnescapeDataString(r.Route);
        var line = r.Query.Length > 0 ? $"{route}?{r.Query}" : route;
        return r.Body.Length > 0 ? $"{line} {Compact(r.Body)}" : line;
    }).ToList();

    /// <summary>The authorization headers received, in order.</summary>
    public IReadOnlyList<string> Authorizations => Sent.Select(r => r.Authorization).OfType<string>().ToList();

    /// <summary>True once the fake was disposed (a client should leave a handler it was given alone).</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>How many requests were sent to <paramref name="path"/>, any method.</summary>
    public int Count(string path) => Sent.Count(r => r.Path == path);

    /// <summary>The next requests to <paramref name="route"/> ("METHOD /path", or "/path" for any method) get these answers, one each.</summary>
    public FakeDirectus On(string route, params FakeAnswer[] answers)
    {
        lock (_gate)
        {
            if (!_routes.TryGetValue(route, out var queue))
            {
                _routes[route] = queue = new Queue<FakeAnswer>();
            }

            foreach (var answer in answers)
            {
                queue.Enqueue(answer);
            }
        }

        return this;
    }

    /// <summary>The next request to <paramref name="route"/> gets this answer.</summary>
    public FakeDirectus On(string route, HttpStatusCode status, string body) => On(route, new FakeAnswer(status, body));

    /// <summary>The next request to <paramref name="route"/> gets <c>{"data": data}</c>.</summary>
    public FakeDirectus OnData(string route, JToken data) => On(route, FakeAnswer.Data(data));

    /// <summary>Every request to <paramref name="route"/> gets <paramref name="answer"/> once its scripted answers are used up.</summary>
    public FakeDirectus Always(string route, FakeAnswer answer)
    {
        lock (_gate)
        {
            _always[route] = answer;
        }

        return this;
    }

    /// <summary>The next <paramref name="times"/> requests (any route not scripted) get <paramref name="status"/>.</summary>
    public FakeDirectus Status(HttpStatusCode status, string? retryAfter = null, int times = 1, string body = """{"errors":[{"message":"injected"}]}""")
    {
        for (var i = 0; i < times; i++)
        {
            Fault(_ =>
            {
                var response = Response(status, body);
                if (retryAfter is not null)
                {
                    response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
                }

                return Task.FromResult(response);
            });
        }

        return this;
    }

    /// <summary>The next <paramref name="times"/> requests lose their connection.</summary>
    public FakeDirectus DroppedConnection(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            Fault(_ => throw new HttpRequestException("Connection reset by peer (injected)"));
        }

        return this;
    }

    /// <summary>The next request gets no answer until it is cancelled; <paramref name="reached"/> completes when it arrives.</summary>
    public FakeDirectus Hang(out Task reached)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        reached = arrived.Task;
        Fault(async cancellationToken =>
        {
            arrived.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    /// <summary>
    /// The next request to <paramref name="route"/> is held: <paramref name="arrived"/> completes when it is received,
    /// and it is answered (as the server then stands) only once <paramref name="release"/> is completed.
    /// </summary>
    public FakeDirectus Hold(string route, out Task arrived, out TaskCompletionSource release)
    {
        var hold = (Arrived: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), Release: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _holds[route] = hold;
        }

        arrived = hold.Arrived.Task;
        release = hold.Release;
        return this;
    }

    /// <summary>Only this account may log in; its access tokens (access-1, access-2, …) live <paramref name="expires"/>.</summary>
    public FakeDirectus RequireLogin(string email, string password, TimeSpan expires)
    {
        _account = (email, password);
        _expiresMs = (long)expires.TotalMilliseconds;
        return this;
    }

    /// <summary>Every access token issued so far stops working (revoked, or expired early).</summary>
    public void RevokeAccessTokens()
    {
        lock (_gate)
        {
            _validTokens.Clear();
        }
    }

    /// <summary>A read of <paramref name="path"/> (or of anything under it, any query) answers <c>{"data": data}</c>; the later of two overlapping paths wins.</summary>
    public FakeDirectus Serve(string path, JToken data)
    {
        lock (_gate)
        {
            _served.Insert(0, (path, data));
        }

        return this;
    }

    /// <summary>The items a collection route (<c>/translations</c>, <c>/items/articles</c>) lists on reads; tests add to it.</summary>
    public JArray Collection(string path)
    {
        lock (_gate)
        {
            if (_served.FirstOrDefault(s => s.Path == path).Data is JArray items)
            {
                return items;
            }

            items = [];
            _served.Insert(0, (path, items));
            return items;
        }
    }

    /// <summary>An id map the sync extension lists for <paramref name="table"/>.</summary>
    public FakeDirectus AddIdMap(string table, string syncId, string localId)
    {
        lock (_gate)
        {
            _idMaps.Add((table, syncId, localId));
        }

        return this;
    }

    /// <summary>Serves this fake over HTTP on a free port of 127.0.0.1 until it is disposed; returns its base URL.</summary>
    public Uri Listen()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var url = new Uri($"http://127.0.0.1:{port}{BasePath}/");
        _listener = new HttpListener();
        _listener.Prefixes.Add(url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
        return url;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (BasePath.Length > 0 && path.StartsWith(BasePath, StringComparison.Ordinal))
        {
            path = path[BasePath.Length..];
        }

        var route = $"{request.Method} {path}";
        var query = Uri.UnescapeDataString(request.RequestUri.Query.TrimStart('?'));
        (TaskCompletionSource Arrived, TaskCompletionSource Release)? hold;
        lock (_gate)
        {
            _sent.Add(new SentRequest(route, query, request.Headers.Authorization?.ToString(), body, request.RequestUri));
            hold = _holds.Remove(route, out var held) ? held : null;
        }

        if (hold is { } gate)
        {
            gate.Arrived.SetResult();
            await gate.Release.Task.WaitAsync(cancellationToken);
        }

        if (HoldEvery is { } holdEvery)
        {
            await holdEvery(request, cancellationToken);
        }

        if (Override is { } answerAll)
        {
            var (status, text) = answerAll(request);
            return Response(status, text);
        }

        Func<CancellationToken, Task<HttpResponseMessage>> answer;
        lock (_gate)
        {
            answer = Next(request.Method, path, request.Headers.Authorization?.Parameter, body);
        }

        return await answer(cancellationToken);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !IsDisposed)
        {
            IsDisposed = true;
            _stopping.Cancel();
            if (_listener is { IsListening: true } listener)
            {
                listener.Stop();
                listener.Close();
                _serving?.Wait(TimeSpan.FromSeconds(5));
            }

            _stopping.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Fault(Func<CancellationToken, Task<HttpResponseMessage>> fault)
    {
        lock (_gate)
        {
            _faults.Enqueue(fault);
        }
    }

    private Func<CancellationToken, Task<HttpResponseMessage>> Next(HttpMethod method, string path, string? token, string body)
    {
        var route = $"{method} {path}";
        if ((Scripted(route) ?? Scripted(path)) is { } scripted)
        {
            return async cancellationToken =>
            {
                Clock?.Advance(scripted.Takes);
                await Task.Yield();
                return scripted.Status is { } status
                    ? Response(status, scripted.Body)
                    : throw new HttpRequestException("Connection refused (injected)");
            };
        }

        if (_account is { } account && route == "POST /auth/login")
        {
            var credentials = JObject.Parse(body);
            return Answer(credentials.Value<string>("email") == account.Email && credentials.Value<string>("password") == account.Password
                ? Issue()
                : Response(HttpStatusCode.Unauthorized, """{"errors":[{"message":"Invalid user credentials.","extensions":{"code":"INVALID_CREDENTIALS"}}]}"""));
        }

        if (_account is not null && route == "POST /auth/refresh")
        {
            return Answer(_refreshToken is not null && JObject.Parse(body).Value<string>("refresh_token") == _refreshToken
                ? Issue()
                : Response(HttpStatusCode.Unauthorized, """{"errors":[{"message":"Invalid refresh token.","extensions":{"code":"INVALID_CREDENTIALS"}}]}"""));
        }

        if (_account is not null && (token is null || !_validTokens.Contains(token)))
        {
            return Answer(Response(HttpStatusCode.Unauthorized, Unauthorized));
        }

        return _faults.Count > 0 ? _faults.Dequeue() : Answer(Directus(method, path, body));
    }

    private FakeAnswer? Scripted(string key)
    {
        if (_routes.TryGetValue(key, out var queue) && queue.Count > 0)
        {
            return queue.Dequeue();
        }

        return _always.GetValueOrDefault(key);
    }

    // Just enough of Directus (with directus-extension-sync) for reads, version checks and batch writes.
    private HttpResponseMessage Directus(HttpMethod method, string path, string body)
    {
        if (method == HttpMethod.Get)
        {
            if (path == "/server/info")
            {
                return Data(new JObject { ["version"] = Version, ["project"] = new JObject { ["project_name"] = "Fake" } });
            }

            if (path == "/server/ping")
            {
                return Response(HttpStatusCode.OK, "pong");
            }

            if (path.StartsWith($"{Extension}/table/__ping_test__", StringComparison.Ordinal))
            {
                return Response(HttpStatusCode.NotFound, """{"message":"No id map found"}""");
            }

            if (path.StartsWith($"{Extension}/table/", StringComparison.Ordinal) && path.Count(c => c == '/') == 3)
            {
                var table = Uri.UnescapeDataString(path[$"{Extension}/table/".Length..]);
                return Data(new JArray(_idMaps.Where(m => m.Table == table).Select((m, i) =>
                    new JObject { ["id"] = i + 1, ["table"] = table, ["sync_id"] = m.SyncId, ["local_id"] = m.LocalId })));
            }

            foreach (var (served, data) in _served)
            {
                if (path == served || path.StartsWith(served + "/", StringComparison.Ordinal))
                {
                    return Data(data.DeepClone());
                }
            }
        }

        if (method == HttpMethod.Post && path.StartsWith("/utils/cache/clear", StringComparison.Ordinal))
        {
            return Data(new JObject { ["ok"] = true });
        }

        if (Strict)
        {
            return method == HttpMethod.Get
                ? Response(HttpStatusCode.NotFound, $$$"""{"errors":[{"message":"Route {{{path}}} doesn't exist.","extensions":{"code":"ROUTE_NOT_FOUND"}}]}""")
                : Response(HttpStatusCode.MethodNotAllowed, """{"errors":[{"message":"the fake Directus only reads"}]}""");
        }

        if (method == HttpMethod.Post && path.StartsWith($"{Extension}/table/", StringComparison.Ordinal))
        {
            return Data(new JObject { ["sync_id"] = JObject.Parse(body)["sync_id"]?.DeepClone() });
        }

        if (method == HttpMethod.Post && body.StartsWith('[') && JToken.Parse(body) is JArray items)
        {
            return Data(new JArray(items.Select(i => new JObject { ["id"] = i["id"]?.DeepClone() ?? new JValue(_nextId++) })));
        }

        return Data(new JObject { ["ok"] = true });
    }

    private HttpResponseMessage Issue()
    {
        _issued++;
        _validTokens.Add($"access-{_issued}");
        _refreshToken = $"refresh-{_issued}";
        return Data(new JObject { ["access_token"] = $"access-{_issued}", ["refresh_token"] = _refreshToken, ["expires"] = _expiresMs });
    }

    private async Task ServeAsync()
    {
        while (_listener is { IsListening: true } listener)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), context.Request.Url);
            if (context.Request.Headers["Authorization"] is { } authorization)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            if (context.Request.HasEntityBody)
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                request.Content = new StringContent(await reader.ReadToEndAsync(), Encoding.UTF8, "application/json");
            }

            using var response = await SendAsync(request, _stopping.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            foreach (var header in response.Headers)
            {
                context.Response.Headers[header.Key] = string.Join(", ", header.Value);
            }

            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
            // A dropped connection, as injected, or the fake stopping.
            try
            {
                context.Response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static string Compact(string body)
    {
        try
        {
            return JToken.Parse(body).ToString(Formatting.None);
        }
        catch (JsonReaderException)
        {
            return body;
        }
    }

    private static Func<CancellationToken, Task<HttpResponseMessage>> Answer(HttpResponseMessage response) => _ => Task.FromResult(response);

    private static HttpResponseMessage Data(JToken data) => Response(HttpStatusCode.OK, new JObject { ["data"] = data }.ToString());

    private static HttpResponseMessage Response(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') || body.StartsWith('[') ? "application/json" : "text/plain") };
}
