using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Polly;
using Polly.Retry;
using RestSharp;

namespace DirectusSync.Core.Transport;

/// <summary>
/// The one typed gateway to Directus' REST API: authentication (static token, or login with refresh),
/// bounded concurrency, retries of idempotent requests on transient failures (Polly: exponential back-off with
/// jitter, <c>Retry-After</c>, bounded in count and time; creates are never retried) and error translation. Bodies are Newtonsoft
/// <see cref="JToken"/>s because the sync works on Directus items as open JSON documents.
/// </summary>
public sealed class DirectusClient : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);
    private static readonly ResiliencePropertyKey<bool> Idempotent = new("directus-sync.idempotent");
    private static readonly ResiliencePropertyKey<long> Started = new("directus-sync.started");

    private readonly DirectusClientOptions _options;
    private readonly RestClient _rest;
    private readonly SemaphoreSlim _throttle;
    private readonly ResiliencePipeline<RestResponse> _retries;
    private readonly SemaphoreSlim _loginLock = new(1, 1);
    private string? _accessToken;
    private string? _refreshToken;
    private DateTimeOffset _accessTokenExpires = DateTimeOffset.MaxValue;

    /// <summary>Creates a client; nothing is sent until the first request.</summary>
    public DirectusClient(DirectusClientOptions options)
    {
        _options = options;
        _throttle = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentRequests));
        var restOptions = new RestClientOptions(options.BaseUrl)
        {
            Timeout = options.RequestTimeout,
            ThrowOnAnyError = false,
            // The caller owns a handler it passes in (it may serve several clients): this client never disposes it.
            ConfigureMessageHandler = options.Handler is null ? null : _ => new BorrowedHandler(options.Handler),
            UserAgent = "DirectusSync",
            Interceptors = [new FieldsBeforeFiles()],
        };
        _rest = new RestClient(restOptions);
        _accessToken = options.Credentials.Token;
        _retries = BuildRetryPipeline();
    }

    /// <summary>The instance's base URL.</summary>
    public Uri BaseUrl => _options.BaseUrl;

    /// <summary>GET a path and return the <c>data</c> member of the answer (or the whole body when it has none).</summary>
    public Task<JToken?> GetAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(Method.Get, path, null, cancellationToken);

    /// <summary>POST a JSON body and return the <c>data</c> member of the answer.</summary>
    public Task<JToken?> PostAsync(string path, JToken? body, CancellationToken cancellationToken = default) =>
        SendAsync(Method.Post, path, body, cancellationToken);

    /// <summary>PATCH a JSON body and return the <c>data</c> member of the answer.</summary>
    public Task<JToken?> PatchAsync(string path, JToken body, CancellationToken cancellationToken = default) =>
        SendAsync(Method.Patch, path, body, cancellationToken);

    /// <summary>DELETE a path (optionally with a JSON body, as Directus' batch deletes take one).</summary>
    public Task<JToken?> DeleteAsync(string path, JToken? body = null, CancellationToken cancellationToken = default) =>
        SendAsync(Method.Delete, path, body, cancellationToken);

    /// <summary>
    /// POST a JSON document as a multipart file upload. Directus caps plain JSON bodies at MAX_PAYLOAD_SIZE
    /// (1 MB by default), which a large schema snapshot exceeds; the schema endpoints take the same document
    /// as a file, which that limit does not cap.
    /// </summary>
    public async Task<JToken?> PostJsonFileAsync(string path, JToken document, CancellationToken cancellationToken = default)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(document.ToString(Formatting.None));
        var response = await ExecuteAsync(Method.Post, path, request =>
        {
            request.AlwaysMultipartFormData = true;
            request.AddFile("file", bytes, "snapshot.json", "application/json");
        }, cancellationToken).ConfigureAwait(false);
        return Unwrap(response);
    }

    /// <summary>
    /// Uploads a file as Directus' <c>POST /files</c> takes it: a multipart form whose text fields come first
    /// (Directus ignores fields sent after the file), then the file itself. Returns the <c>data</c> member.
    /// Sent like every other request (authentication, re-login, time-out, error translation); as a create, never
    /// repeated after a transient failure.
    /// </summary>
    /// <param name="path">The upload path, normally <c>/files</c>.</param>
    /// <param name="fields">The form fields, in order, as text.</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="fileName">The file name sent with the file part.</param>
    /// <param name="contentType">The file's MIME type.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<JToken?> UploadFileAsync(
        string path,
        IReadOnlyList<KeyValuePair<string, string>> fields,
        byte[] content,
        string fileName,
        string contentType,
        CancellationToken cancellationToken = default)
    {
        var response = await ExecuteAsync(Method.Post, path, request =>
        {
            request.AlwaysMultipartFormData = true;
            foreach (var (name, value) in fields)
            {
                request.AddParameter(name, value);
            }

            request.AddFile("file", content, fileName, contentType);
        }, cancellationToken).ConfigureAwait(false);
        return Unwrap(response);
    }

    /// <summary>GET a path whose answer is not JSON (the GraphQL SDL specs).</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken = default)
    {
        var response = await ExecuteAsync(Method.Get, path, null, cancellationToken).ConfigureAwait(false);
        return response.Content ?? string.Empty;
    }

    /// <summary>Sends a request and unwraps Directus' <c>{ "data": … }</c> envelope.</summary>
    public async Task<JToken?> SendAsync(Method method, string path, JToken? body, CancellationToken cancellationToken = default)
    {
        var json = body?.ToString(Formatting.None);
        var response = await ExecuteAsync(method, path, json is null ? null : request => request.AddStringBody(json, ContentType.Json), cancellationToken)
            .ConfigureAwait(false);
        return Unwrap(response);
    }

    private static JToken? Unwrap(RestResponse response)
    {
        var parsed = Parse(response.Content);
        return parsed is JObject obj && obj.TryGetValue("data", out var data) ? data : parsed;
    }

    // Every request goes through here: uploads and schema files as much as JSON calls. addBody is applied to each
    // attempt's fresh request, as a retry or a re-login sends the request again.
    private async Task<RestResponse> ExecuteAsync(Method method, string path, Action<RestRequest>? addBody, CancellationToken cancellationToken)
    {
        var label = $"{method.ToString().ToUpperInvariant()} {StripQuery(path)}";
        for (var attempt = 0; ; attempt++)
        {
            var (response, sentToken) = await ExecuteWithRetriesAsync(method, path, addBody, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessful)
            {
                return response;
            }

            // RestSharp answers a canceled request with an aborted response: the caller asked to stop, and a
            // cancellation (Ctrl+C, a canceled build) is not a connection failure.
            cancellationToken.ThrowIfCancellationRequested();

            if (response.StatusCode == HttpStatusCode.Unauthorized && _options.Credentials.IsLogin && attempt == 0)
            {
                // The access token may have been revoked or expired early: log in again once. Only the token this
                // request sent is dropped, so concurrent requests that fail together log in once, not once each.
                Interlocked.CompareExchange(ref _accessToken, null, sentToken);
                continue;
            }

            throw Translate(label, response);
        }
    }

    // One request, sent again while it fails transiently and may safely be repeated (see TransientFailures).
    // Returns the answer and the access token the last attempt carried.
    private async Task<(RestResponse Response, string? SentToken)> ExecuteWithRetriesAsync(
        Method method, string path, Action<RestRequest>? addBody, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        string? sentToken = null;
        try
        {
            context.Properties.Set(Idempotent, TransientFailures.IsIdempotent(method));
            context.Properties.Set(Started, _options.TimeProvider.GetTimestamp());
            var response = await _retries.ExecuteAsync(
                async attempt =>
                {
                    await EnsureAuthenticatedAsync(attempt.CancellationToken).ConfigureAwait(false);
                    sentToken = Volatile.Read(ref _accessToken);
                    var request = BuildRequest(method, path, sentToken, addBody);
                    await _throttle.WaitAsync(attempt.CancellationToken).ConfigureAwait(false);
                    try
                    {
                        return await _rest.ExecuteAsync(request, attempt.CancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _throttle.Release();
                    }
                },
                context).ConfigureAwait(false);
            return (response, sentToken);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ResiliencePipeline<RestResponse> BuildRetryPipeline()
    {
        var builder = new ResiliencePipelineBuilder<RestResponse> { TimeProvider = _options.TimeProvider };
        if (_options.TransientRetries <= 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<RestResponse>
        {
            MaxRetryAttempts = _options.TransientRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.RetryBaseDelay,
            MaxDelay = _options.RetryMaxDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
            // null: the exponential, jittered back-off; otherwise what the server asked for.
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response ? TransientFailures.RetryAfter(response, _options.TimeProvider.GetUtcNow()) : null),
        }).Build();
    }

    private bool ShouldRetry(Outcome<RestResponse> outcome, ResilienceContext context)
    {
        if (outcome.Result is not { } response || response.IsSuccessful || context.CancellationToken.IsCancellationRequested
            || !context.Properties.GetValue(Idempotent, false) || !TransientFailures.IsTransient(response))
        {
            return false;
        }

        // Bounded in time as well as in count: a retry may neither start after the budget nor wait past it.
        var elapsed = _options.TimeProvider.GetElapsedTime(context.Properties.GetValue(Started, 0L));
        var wait = TransientFailures.RetryAfter(response, _options.TimeProvider.GetUtcNow()) ?? TimeSpan.Zero;
        return elapsed + wait < _options.RetryBudget;
    }

    private RestRequest BuildRequest(Method method, string path, string? accessToken, Action<RestRequest>? addBody)
    {
        var request = new RestRequest(path, method);
        if (accessToken is not null)
        {
            request.AddHeader("Authorization", $"Bearer {accessToken}");
        }

        foreach (var (name, value) in _options.ExtraHeaders)
        {
            request.AddHeader(name, value);
        }

        addBody?.Invoke(request);
        return request;
    }

    private async Task EnsureAuthenticatedAsync(CancellationToken cancellationToken)
    {
        var credentials = _options.Credentials;
        if (!credentials.IsLogin)
        {
            return;
        }

        if (_accessToken is not null && _options.TimeProvider.GetUtcNow() < _accessTokenExpires - RefreshMargin)
        {
            return;
        }

        await _loginLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_accessToken is not null && _options.TimeProvider.GetUtcNow() < _accessTokenExpires - RefreshMargin)
            {
                return;
            }

            // Long pushes outlive Directus' 15-minute access tokens: refresh rather than fail half-way.
            var refreshed = _refreshToken is not null && await TryAuthAsync("/auth/refresh", new JObject
            {
                ["refresh_token"] = _refreshToken,
                ["mode"] = "json",
            }, cancellationToken).ConfigureAwait(false);
            if (!refreshed && !await TryAuthAsync("/auth/login", new JObject
                {
                    ["email"] = credentials.Email,
                    ["password"] = credentials.Password,
                    ["mode"] = "json",
                }, cancellationToken).ConfigureAwait(false))
            {
                throw new DirectusApiException("POST /auth/login", 401, "INVALID_CREDENTIALS",
                    $"could not log in to {_options.BaseUrl} as {credentials.Email}: check the e-mail and password");
            }
        }
        finally
        {
            _loginLock.Release();
        }
    }

    private async Task<bool> TryAuthAsync(string path, JObject body, CancellationToken cancellationToken)
    {
        var request = new RestRequest(path, Method.Post);
        request.AddStringBody(body.ToString(Formatting.None), ContentType.Json);
        var response = await _rest.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == 0)
        {
            throw Translate($"POST {path}", response);
        }

        if (!response.IsSuccessful || Parse(response.Content)?["data"] is not JObject data)
        {
            return false;
        }

        _accessToken = data.Value<string>("access_token");
        _refreshToken = data.Value<string>("refresh_token");
        var expiresMs = data.Value<long?>("expires") ?? 900_000;
        _accessTokenExpires = _options.TimeProvider.GetUtcNow().AddMilliseconds(expiresMs);
        return _accessToken is not null;
    }

    private DirectusApiException Translate(string label, RestResponse response)
    {
        var status = (int)response.StatusCode;
        if (status == 0)
        {
            var reason = response.ErrorException?.Message ?? response.ErrorMessage ?? "no response";
            return new DirectusApiException(label, 0, null, Redact(reason), response.ErrorException);
        }

        string? code = null;
        var message = response.StatusDescription ?? response.StatusCode.ToString();
        var parsed = Parse(response.Content);
        if (parsed is JObject obj)
        {
            if (obj["errors"] is JArray { Count: > 0 } errors)
            {
                message = string.Join("; ", errors.Select(e => e.Value<string>("message")).Where(m => m is not null));
                code = errors[0]["extensions"]?.Value<string>("code");
            }
            else if (obj.Value<string>("message") is { } single)
            {
                // directus-extension-sync answers {"message": …}.
                message = single;
            }
        }
        else if (!string.IsNullOrWhiteSpace(response.Content))
        {
            message = Truncate(response.Content.Trim(), 300);
        }

        if (code == "RESOURCE_RESTRICTED")
        {
            message += " — Directus 12 without a licence (\"Core\") refuses custom permission rules (fields other than *, filters, validation, presets) and more than 25 collections, 5 active flows or 3 users; configure a licence or remove what it refuses";
        }

        return new DirectusApiException(label, status, code, Redact(message));
    }

    // Headers and bodies never reach an exception, but a server's or a proxy's message may echo what it was sent:
    // the secrets this client holds are masked in any text it puts in one.
    private string Redact(string text)
    {
        foreach (var secret in new[] { _options.Credentials.Token, _options.Credentials.Password, _accessToken, _refreshToken })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static JToken? Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(content)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private static string StripQuery(string path)
    {
        var q = path.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? path : path[..q];
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    /// <inheritdoc />
    public void Dispose()
    {
        _rest.Dispose();
        _throttle.Dispose();
        _loginLock.Dispose();
    }
}
