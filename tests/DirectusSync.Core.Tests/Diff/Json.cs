using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Diff;

/// <summary>
/// Test data written as relaxed JSON (<c>{ name: 'Docs', parent: null }</c>) so that an item reads like
/// the dump line it stands for. Dates stay strings, as in the dump and in the client's answers.
/// </summary>
internal static class Json
{
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    public static JObject Object(string json) => (JObject)Parse(json);

    /// <summary>One line, property order kept: what the assertions compare.</summary>
    public static string Compact(JToken? token) => token?.ToString(Formatting.None) ?? "<absent>";

    /// <summary>Asserts the exact JSON, property order included (the dump's key order is part of its form).</summary>
    public static void ShouldBeJson(this JToken? actual, string expected, string because = "") =>
        Compact(actual).Should().Be(Compact(Parse(expected)), because);
}
