using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Tests.Output;

/// <summary>Asserts that a JSON token holds at least the properties of an expected object.</summary>
internal static class JsonLikeAssertions
{
    public static void ShouldBeJsonLike(this JToken actual, string expected)
    {
        foreach (var property in JObject.Parse(expected).Properties())
        {
            JToken.DeepEquals(actual[property.Name], property.Value).Should().BeTrue($"{property.Name} of {actual.ToString(Formatting.None)} should be {property.Value}");
        }
    }
}
