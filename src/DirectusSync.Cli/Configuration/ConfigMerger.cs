using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Configuration;

/// <summary>
/// The npm <c>deepmerge</c> rules the reference uses between config layers and for <c>extends</c>: objects merge
/// key by key, arrays concatenate (base first), and anything else, or two values of different kinds, is replaced
/// by the overriding value. Inputs are never modified.
/// </summary>
internal static class ConfigMerger
{
    /// <summary>Merges <paramref name="overriding"/> onto <paramref name="baseConfig"/>.</summary>
    public static JObject Merge(JObject baseConfig, JObject overriding) => (JObject)MergeTokens(baseConfig, overriding);

    private static JToken MergeTokens(JToken baseToken, JToken overriding)
    {
        if (baseToken is JArray baseArray && overriding is JArray overridingArray)
        {
            return new JArray(baseArray.Select(t => t.DeepClone()).Concat(overridingArray.Select(t => t.DeepClone())));
        }

        if (baseToken is JObject baseObject && overriding is JObject overridingObject)
        {
            var result = (JObject)baseObject.DeepClone();
            foreach (var property in overridingObject.Properties())
            {
                result[property.Name] = result.TryGetValue(property.Name, out var existing) && property.Value is JObject or JArray
                    ? MergeTokens(existing, property.Value)
                    : property.Value.DeepClone();
            }

            return result;
        }

        return overriding.DeepClone();
    }
}
