using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios.Support;

/// <summary>Deep JSON equality (key order ignored), with both documents in the failure message.</summary>
public static class JsonAssertions
{
    /// <summary>Asserts that <paramref name="actual"/> is the same JSON as <paramref name="expected"/>.</summary>
    public static void ShouldEqualJson(this JToken? actual, JToken expected, string because = "")
    {
        JToken.DeepEquals(actual, expected).Should().BeTrue(
            $"{because}{(because.Length > 0 ? "; " : "")}expected {expected.ToString(Formatting.None)}, found {actual?.ToString(Formatting.None) ?? "nothing"}");
    }
}
