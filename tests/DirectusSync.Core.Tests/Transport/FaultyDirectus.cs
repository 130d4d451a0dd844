using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Transport;

/// <summary>
/// An in-process stand-in for Directus, for fault injection: each request takes the next scripted answer of its
/// route (<see cref="On"/>), else the next scripted fault (a status with an optional <c>Retry-After</c>, a dropped
/// connection, a hang until cancelled), else <c>{"data":{"ok":true}}</c>. With <see cref="RequireLogin"/> it also
/// plays Directus' authentication: <c>/auth/login</c> and <c>/auth/refresh</c> issue numbered tokens, and any other
/// request without a valid access token gets a 401.
/// </summary>
public sealed class FaultyDirectus : HttpMessageHandler
{
    private const string Unauthorized = """{"errors":[{"message":"Token expired.","extensions":{"code":"TOKEN_EXPIRED"}}]}""";

    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _faults = new();
    private readonly Dictionary<string, Queue<Func<HttpResponseMessage>>> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TaskCompletionSource Arrived, TaskCompletionSource Release)> _holds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _validTokens = new(StringComparer.Ordinal);
    private (string Email, string Password)? _account;
    private long _expiresMs;
    private int _issued;
    private string? _refreshToken;

    /// <summary>Every request received, as "METHOD /path".</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Every request received, with its authorization header and body.</summary>
    public List<SentRequest> Sent { get; } = [];

    public FaultyDirectus Status(HttpStatusCode status, string? retryAfter = null, int times = 1, string body = """{"errors":[{"message":"injected"}]}""")
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(_ =>
            {
                var response = Json(status, body);
                if (retryAfter is not null)
                {
                    response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
                }

                return Task.FromResult(response);
            });
        }

        return this;
    }

    public FaultyDirectus DroppedConnection(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(_ => throw new HttpRequestException("Connection reset by peer (injected)"));
        }

        return this;
    }

    /// <summary>The next request gets no answer until it is cancelled; <paramref name="reached"/> completes when it arrives.</summary>
    public FaultyDirectus Hang(out Task reached)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        reached = arrived.Task;
        _faults.Enqueue(async cancellationToken =>
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
    public FaultyDirectus Hold(string route, out Task arrived, out TaskCompletionSource release)
    {
        var hold = (Arrived: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), Release: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _holds[route] = hold;
        arrived = hold.Arrived.Task;
        release = hold.Release;
        return this;
    }

    /// <summary>The next request to <paramref name="route"/> ("METHOD /path") gets this answer.</summary>
    public FaultyDirectus On(string route, HttpStatusCode status, string body)
    {
        if (!_routes.TryGetValue(route, out var queue))
        {
            _routes[route] = queue = new Queue<Func<HttpResponseMessage>>();
        }

        queue.Enqueue(() => Json(status, body));
        return this;
    }

    /// <summary>The next request to <paramref name="route"/> ("METHOD /path") gets <c>{"data": data}</c>.</summary>
    public FaultyDirectus OnData(string route, JToken data) =>
        On(route, HttpStatusCode.OK, new JObject { ["data"] = data }.ToString());

    /// <summary>Only this account may log in; its access tokens (access-1, access-2, …) live <paramref name="expires"/>.</summary>
    public FaultyDirectus RequireLogin(string email, string password, TimeSpan expires)
    {
        _account = (email, password);
        _expiresMs = (long)expires.TotalMilliseconds;
        return this;
    }

    /// <summary>Every access token issued so far stops working (revoked, or expired early).</summary>
    public void RevokeAccessTokens()
    {
        lock (Requests)
        {
            _validTokens.Clear();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var route = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        (TaskCompletionSource Arrived, TaskCompletionSource Release)? hold;
        lock (Requests)
        {
            Requests.Add(route);
            Sent.Add(new SentRequest(route, Uri.UnescapeDataString(request.RequestUri.Query.TrimStart('?')), request.Headers.Authorization?.ToString(), body));
            hold = _holds.Remove(route, out var held) ? held : null;
        }

        if (hold is { } gate)
        {
            gate.Arrived.SetResult();
            await gate.Release.Task.WaitAsync(cancellationToken);
        }

        Func<CancellationToken, Task<HttpResponseMessage>> answer;
        lock (Requests)
        {
            answer = Next(route, request.Headers.Authorization?.Parameter, body);
        }

        return await answer(cancellationToken);
    }

    private Func<CancellationToken, Task<HttpResponseMessage>> Next(string route, string? token, string body)
    {
        if (_routes.TryGetValue(route, out var scripted) && scripted.Count > 0)
        {
            var response = scripted.Dequeue()();
            return _ => Task.FromResult(response);
        }

        if (_account is { } account && route == "POST /auth/login")
        {
            var credentials = JObject.Parse(body);
            return Answer(credentials.Value<string>("email") == account.Email && credentials.Value<string>("password") == account.Password
                ? Issue()
                : Json(HttpStatusCode.Unauthorized, """{"errors":[{"message":"Invalid user credentials.","extensions":{"code":"INVALID_CREDENTIALS"}}]}"""));
        }

        if (_account is not null && route == "POST /auth/refresh")
        {
            return Answer(_refreshToken is not null && JObject.Parse(body).Value<string>("refresh_token") == _refreshToken
                ? Issue()
                : Json(HttpStatusCode.Unauthorized, """{"errors":[{"message":"Invalid refresh token.","extensions":{"code":"INVALID_CREDENTIALS"}}]}"""));
        }

        if (_account is not null && (token is null || !_validTokens.Contains(token)))
        {
            return Answer(Json(HttpStatusCode.Unauthorized, Unauthorized));
        }

        return _faults.Count > 0
            ? _faults.Dequeue()
            : Answer(Json(HttpStatusCode.OK, """{"data":{"ok":true}}"""));
    }

    private HttpResponseMessage Issue()
    {
        _issued++;
        _validTokens.Add($"access-{_issued}");
        _refreshToken = $"refresh-{_issued}";
        return Json(HttpStatusCode.OK, new JObject
        {
            ["data"] = new JObject { ["access_token"] = $"access-{_issued}", ["refresh_token"] = _refreshToken, ["expires"] = _expiresMs },
        }.ToString());
    }

    private static Func<CancellationToken, Task<HttpResponseMessage>> Answer(HttpResponseMessage response) => _ => Task.FromResult(response);

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>One request as the server saw it.</summary>
    /// <param name="Route">"METHOD /path".</param>
    /// <param name="Query">The query string, unescaped, without '?'.</param>
    /// <param name="Authorization">The authorization header, if any.</param>
    /// <param name="Body">The body as text (empty when none).</param>
    public sealed record SentRequest(string Route, string Query, string? Authorization, string Body);
}
