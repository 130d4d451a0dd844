using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Sync;

/// <summary>Edits of a dump reach the server: updates in place, deletions, a flow deleted with its operations.</summary>
[Collection(DirectusCollection.Name)]
public sealed class ChangesTests
{
    [Fact]
    public async Task Should_update_and_delete_on_the_server_When_the_dump_was_edited()
    {
        // Given a target that holds the sample, and its dump
        await using var instance = await DirectusInstance.StartAsync($"changes-{SampleConfiguration.NewSuffix()}");
        using var client = instance.CreateClient();
        var sample = new SampleConfiguration(client, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync();
        using var temp = new TempDirectory();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path });

        // ... edited: a role renamed, the dashboard (and its panel) and the first flow (and its operations) removed
        var store = new CollectionDumpStore(new DumpLayout(temp.Path), sortKeys: false);
        var roles = store.Read("roles");
        roles.OfType<JObject>().Single(r => r.Value<string>("name") == $"Editor {sample.Suffix}")["name"] = $"Author {sample.Suffix}";
        store.Write("roles", roles);
        store.Write("dashboards", new JArray());
        store.Write("panels", new JArray());
        var flowId = sample.Ids["flow"];
        var flows = store.Read("flows");
        flows.OfType<JObject>().Single(f => f.Value<string>("_syncId") == flowId).Remove();
        store.Write("flows", flows);
        var operations = store.Read("operations");
        foreach (var operation in operations.OfType<JObject>().Where(o => o.Value<string>("flow") == flowId).ToList())
        {
            operation.Remove();
        }

        // The caller flow's trigger operation pointed at the removed flow: it now triggers nothing.
        foreach (var operation in operations.OfType<JObject>().Where(o => o["options"]?["flow"]?.ToString() == flowId))
        {
            operation["options"]!["flow"] = null;
        }

        store.Write("operations", operations);

        // When
        await engine.PushAsync(new SyncOptions { DumpPath = temp.Path });

        // Then
        var role = await client.GetAsync($"/roles/{sample.Ids["role"]}");
        role!["name"]!.ToString().Should().Be($"Author {sample.Suffix}", "the role is updated in place, same id");
        ((JArray)(await client.GetAsync("/dashboards"))!).Should().BeEmpty();
        ((JArray)(await client.GetAsync("/panels"))!).Should().BeEmpty();
        ((JArray)(await client.GetAsync($"/flows?filter[id][_eq]={flowId}"))!).Should().BeEmpty();
        ((JArray)(await client.GetAsync($"/operations?filter[flow][_eq]={flowId}"))!).Should().BeEmpty();
        (await engine.DiffAsync(new SyncOptions { DumpPath = temp.Path })).Plan.IsEmpty.Should().BeTrue();
    }
}
