using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Execution;

/// <summary>
/// An in-process stand-in for Directus that records every request ("METHOD /path?query body") and answers as a
/// successful write would: a create with one id per item sent (integers from 100), an id map with its sync id,
/// anything else with an empty success.
/// </summary>
public sealed class ScriptedDirectus : HttpMessageHandler
{
    private readonly List<string> _requests = [];
    private long _nextId = 100;

    /// <summary>The requests, in order, bodies as compact JSON.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var body = string.IsNullOrEmpty(text) ? null : JToken.Parse(text);
        var path = Uri.UnescapeDataString(request.RequestUri!.PathAndQuery);
        JToken answer;
        lock (_requests)
        {
            _requests.Add(body is null ? $"{request.Method} {path}" : $"{request.Method} {path} {body.ToString(Formatting.None)}");
            answer = request.Method == HttpMethod.Post && path.StartsWith("/directus-extension-sync/", StringComparison.Ordinal)
                ? new JObject { ["sync_id"] = body!["sync_id"]?.DeepClone() }
                : request.Method == HttpMethod.Post && body is JArray items
                    ? new JArray(items.Select(i => new JObject { ["id"] = i["id"]?.DeepClone() ?? new JValue(_nextId++) }))
                    : JValue.CreateNull();
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(new JObject { ["data"] = answer }.ToString(Formatting.None)) };
    }
}
