using System.Net;
using Newtonsoft.Json.Linq;

namespace DirectusSync.TestSupport;

/// <summary>
/// One scripted answer of the <see cref="FakeDirectus"/>: a status and a body, or no answer at all (a refused
/// connection); it may spend time on the fake's clock first, as a slow server would.
/// </summary>
/// <param name="Status">The HTTP status; null refuses the connection.</param>
/// <param name="Body">The body (JSON or text).</param>
/// <param name="Takes">Time the answer takes, spent on <see cref="FakeDirectus.Clock"/>.</param>
public sealed record FakeAnswer(HttpStatusCode? Status, string Body = "", TimeSpan Takes = default)
{
    /// <summary>The connection is refused (nothing listens yet).</summary>
    public static FakeAnswer Refused { get; } = new(Status: null);

    /// <summary><c>/server/health</c> of a healthy server.</summary>
    public static FakeAnswer Healthy { get; } = new(HttpStatusCode.OK, """{"status":"ok"}""");

    /// <summary><c>/server/ping</c> of a running server.</summary>
    public static FakeAnswer Pong { get; } = new(HttpStatusCode.OK, "pong");

    /// <summary>A server that is starting (<c>/server/health</c> says error).</summary>
    public static FakeAnswer Starting { get; } = new(HttpStatusCode.ServiceUnavailable, """{"status":"error"}""");

    /// <summary>Directus' answer to a request the caller may not make (anonymous health on 12.x).</summary>
    public static FakeAnswer Forbidden { get; } = new(HttpStatusCode.Forbidden, """{"errors":[{"message":"You don't have permission","extensions":{"code":"FORBIDDEN"}}]}""");

    /// <summary>A success whose body is Directus' envelope <c>{"data": data}</c>.</summary>
    public static FakeAnswer Data(JToken? data) => new(HttpStatusCode.OK, new JObject { ["data"] = data ?? JValue.CreateNull() }.ToString());

    /// <summary>Directus' error envelope with one error.</summary>
    public static FakeAnswer Error(HttpStatusCode status, string message, string? code = null) =>
        new(status, new JObject
        {
            ["errors"] = new JArray(new JObject
            {
                ["message"] = message,
                ["extensions"] = code is null ? new JObject() : new JObject { ["code"] = code },
            }),
        }.ToString());
}
