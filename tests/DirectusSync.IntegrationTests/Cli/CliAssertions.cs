using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Cli;

/// <summary>Small reads of the instance that the CLI tests check against.</summary>
public static class CliAssertions
{
    /// <summary>How many activity rows the instance has: a write leaves one.</summary>
    public static async Task<int> CountActivityAsync(DirectusClient client)
    {
        var data = await client.GetAsync("/activity?aggregate[count]=id");
        return data![0]!["count"]!["id"]!.Value<int>();
    }

    /// <summary>The items of a collection file in a dump.</summary>
    public static JArray ReadCollection(string dumpPath, string collection) =>
        JArray.Parse(File.ReadAllText(Path.Combine(dumpPath, "collections", $"{collection}.json")));

    /// <summary>Writes a collection file back.</summary>
    public static void WriteCollection(string dumpPath, string collection, JArray items) =>
        File.WriteAllText(Path.Combine(dumpPath, "collections", $"{collection}.json"), items.ToString() + "\n");
}
