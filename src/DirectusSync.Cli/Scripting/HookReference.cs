using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Scripting;

/// <summary>
/// How a JavaScript function travels through the JSON config layers: a one-key object
/// <c>{"__directusSyncFunction": n}</c> that names the engine's n-th function. Merging two of them keeps the
/// overriding one, as deepmerge keeps the child's function.
/// </summary>
internal static class HookReference
{
    /// <summary>The marker key.</summary>
    public const string Key = "__directusSyncFunction";

    /// <summary>A marker for function number <paramref name="id"/>.</summary>
    public static JObject Create(int id) => new() { [Key] = id };

    /// <summary>The function number when <paramref name="token"/> is a marker.</summary>
    public static bool TryGetId(JToken? token, out int id)
    {
        if (token is JObject { Count: 1 } obj && obj[Key] is JValue { Type: JTokenType.Integer } value)
        {
            id = value.Value<int>();
            return true;
        }

        id = -1;
        return false;
    }
}
