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
        using var temp = new TempFolder();
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

    [Fact]
    public async Task Should_keep_collections_and_fields_the_dump_lacks_When_pushing_in_merge_mode()
    {
        // Given a dump, then a collection and a field added on the server after it was pulled
        await using var instance = await DirectusInstance.StartAsync($"merge-{SampleConfiguration.NewSuffix()}");
        using var client = instance.CreateClient();
        var sample = new SampleConfiguration(client, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Collections = false });
        var extra = $"extra_{sample.Suffix}";
        await client.PostAsync("/collections", JObject.FromObject(new { collection = extra, meta = new { icon = "box" }, schema = new { } }));
        await client.PostAsync($"/fields/{sample.Articles}", JObject.FromObject(new { field = "subtitle", type = "string", meta = new { @interface = "input" }, schema = new { } }));

        // When
        await engine.PushAsync(new SyncOptions { DumpPath = temp.Path, Collections = false, Mode = PushMode.Merge });

        // Then both are still there; only a mirror push would drop them
        (await client.GetAsync($"/collections/{extra}"))!["collection"]!.ToString().Should().Be(extra);
        (await client.GetAsync($"/fields/{sample.Articles}/subtitle"))!["field"]!.ToString().Should().Be("subtitle");
        (await engine.DiffAsync(new SyncOptions { DumpPath = temp.Path, Collections = false, Mode = PushMode.Merge })).Plan.Schema.Should().BeNull();
        var mirror = (await engine.DiffAsync(new SyncOptions { DumpPath = temp.Path, Collections = false })).Plan.Schema;
        mirror.Should().NotBeNull();
        mirror!.Count("collections").Should().Be(1);
        mirror.Count("fields").Should().BeGreaterThanOrEqualTo(1, mirror.Diff.ToString());
    }
}
