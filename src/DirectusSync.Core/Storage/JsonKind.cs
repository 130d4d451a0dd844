using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Storage;

/// <summary>Names a JSON value's kind for error messages, in JSON's words rather than Newtonsoft's.</summary>
internal static class JsonKind
{
    public static string Describe(JToken? token) => token?.Type switch
    {
        null or JTokenType.Null or JTokenType.Undefined => "null",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        _ => "a string",
    };
}
