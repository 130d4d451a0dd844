using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace DirectusSync.MSBuild.Tests.Support;

/// <summary>
/// Just enough of Directus (with directus-extension-sync) for a diff of the translations collection without
/// the schema: server info, cache clears, the extension's ping and id maps, the placeholder reads and the
/// translations list. Tests change <see cref="Translations"/>, <see cref="Version"/> or add overrides.
/// </summary>
public sealed class FakeDirectus : HttpMessageHandler
{
    /// <summary>The live translations (with their local ids).</summary>
    public JArray Translations { get; set; } = [];

    /// <summary>Id maps of the translations table: (sync id, local id).</summary>
    public List<(string SyncId, string LocalId)> TranslationMaps { get; } = [];

    /// <summary>The version /server/info reports.</summary>
    public string Version { get; set; } = "11.17.4";

    /// <summary>When set, answers every request (status, JSON body).</summary>
    public Func<HttpRequestMessage, (HttpStatusCode Status, string Body)>? Override { get; set; }

    /// <summary>When set, holds every request until it returns; gets the request's cancellation token.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task>? Hold { get; set; }

    /// <summary>Every request, as "METHOD path?query".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The Authorization headers seen.</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>A live translation with its id map.</summary>
    public void AddTranslation(string localId, string syncId, string key, string value)
    {
        Translations.Add(new JObject { ["id"] = localId, ["key"] = key, ["language"] = "en-US", ["value"] = value });
        TranslationMaps.Add((syncId, localId));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        Requests.Enqueue($"{request.Method} {path}");
        if (request.Headers.Authorization is { } authorization)
        {
            Authorizations.Enqueue(authorization.ToString());
        }

        if (Hold is not null)
        {
            await Hold(request, cancellationToken).ConfigureAwait(false);
        }

        var (status, body) = Override?.Invoke(request) ?? Answer(request.Method, Uri.UnescapeDataString(path));
        return new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }

    private (HttpStatusCode, string) Answer(HttpMethod method, string path)
    {
        if (method == HttpMethod.Post && path.StartsWith("/utils/cache/clear", StringComparison.Ordinal))
        {
            return (HttpStatusCode.OK, "{}");
        }

        if (method != HttpMethod.Get)
        {
            return (HttpStatusCode.MethodNotAllowed, """{"errors":[{"message":"the fake Directus only reads"}]}""");
        }

        return path switch
        {
            "/server/info" => Data(new JObject { ["version"] = Version, ["project"] = new JObject { ["project_name"] = "Fake" } }),
            _ when path.StartsWith("/directus-extension-sync/table/__ping_test__", StringComparison.Ordinal) =>
                (HttpStatusCode.NotFound, """{"message":"No id map found"}"""),
            "/directus-extension-sync/table/translations" => Data(new JArray(TranslationMaps.Select((m, i) =>
                new JObject { ["id"] = i + 1, ["table"] = "translations", ["sync_id"] = m.SyncId, ["local_id"] = m.LocalId }))),
            _ when path.StartsWith("/directus-extension-sync/table/", StringComparison.Ordinal) => Data(new JArray()),
            _ when path.StartsWith("/translations", StringComparison.Ordinal) => Data(Translations),
            _ when path.StartsWith("/users/me", StringComparison.Ordinal) => Data(new JObject { ["role"] = "admin-role" }),
            _ when path.StartsWith("/policies", StringComparison.Ordinal) => Data(new JArray()),
            _ when path.StartsWith("/settings", StringComparison.Ordinal) => Data(new JObject { ["id"] = 1 }),
            _ => (HttpStatusCode.NotFound, $$$"""{"errors":[{"message":"Route {{{path}}} doesn't exist.","extensions":{"code":"ROUTE_NOT_FOUND"}}]}"""),
        };
    }

    private static (HttpStatusCode, string) Data(JToken data) => (HttpStatusCode.OK, new JObject { ["data"] = data }.ToString());
}
