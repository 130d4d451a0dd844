using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Transport;

/// <summary>
/// Turns a Directus query object (<c>{limit, fields, filter, sort, …}</c>, what onQuery hooks receive and
/// return) into a query string: arrays of names are comma-joined, objects are sent as JSON.
/// </summary>
public static class DirectusQuery
{
    /// <summary>The query string, without the leading '?'.</summary>
    public static string ToQueryString(JObject query)
    {
        var builder = new StringBuilder();
        foreach (var property in query.Properties())
        {
            if (property.Value.Type is JTokenType.Null or JTokenType.Undefined)
            {
                continue;
            }

            var value = property.Value switch
            {
                JArray array when array.All(e => e.Type == JTokenType.String) => string.Join(",", array.Values<string>()),
                JArray or JObject => property.Value.ToString(Formatting.None),
                JValue { Type: JTokenType.Boolean } b => b.Value<bool>() ? "true" : "false",
                _ => property.Value.ToString(),
            };
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(property.Name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }
}
