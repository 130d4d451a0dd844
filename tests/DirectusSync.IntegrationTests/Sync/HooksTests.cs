using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Sync;

/// <summary>Hooks run with the reference's timing (spec §2): onQuery/onDump/onSave on pull, onLoad on diff and push, snapshot onSave/onLoad.</summary>
[Collection(DirectusCollection.Name)]
public sealed class HooksTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_write_what_the_hooks_return_When_pulling_with_onQuery_onDump_and_onSave()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(client, SampleConfiguration.NewSuffix());
        await sample.CreateSystemItemsAsync();
        using var temp = new TempFolder();
        var seenByOnDump = new List<JObject>();
        var hooks = new SyncHooks
        {
            Collections = new Dictionary<string, CollectionHooks>
            {
                ["dashboards"] = new()
                {
                    // Only this sample's dashboard.
                    OnQuery = (query, _) =>
                    {
                        query["filter"] = new JObject { ["name"] = new JObject { ["_eq"] = $"Overview {sample.Suffix}" } };
                        return Task.FromResult(query);
                    },
                    OnDump = (items, _) =>
                    {
                        seenByOnDump.AddRange(items.OfType<JObject>().Select(i => (JObject)i.DeepClone()));
                        foreach (var item in items.OfType<JObject>())
                        {
                            item["name"] = "[onDump] " + item["name"];
                        }

                        return Task.FromResult(items);
                    },
                    OnSave = (items, _) =>
                    {
                        foreach (var item in items.OfType<JObject>())
                        {
                            item["name"] = "[onSave] " + item["name"];
                        }

                        return Task.FromResult(items);
                    },
                },
            },
        };

        // When
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = temp.Path, Hooks = hooks, Snapshot = false, Specs = false });

        // Then
        var dashboards = new CollectionDumpStore(new DumpLayout(temp.Path), false).Read("dashboards");
        dashboards.Should().ContainSingle();
        dashboards[0]!["name"]!.ToString().Should().Be($"[onSave] [onDump] Overview {sample.Suffix}");
        seenByOnDump.Should().ContainSingle().Which.Should().ContainKey("date_created", "onDump runs before ignored fields are dropped")
            .And.ContainKey("_syncId").And.NotContainKey("id");
    }

    [Fact]
    public async Task Should_push_what_onLoad_returns_When_pushing()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(client, SampleConfiguration.NewSuffix());
        await sample.CreateSystemItemsAsync();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, OnlyCollections = ["dashboards"], Snapshot = false, Specs = false });
        var hooks = new SyncHooks
        {
            Collections = new Dictionary<string, CollectionHooks>
            {
                ["dashboards"] = new()
                {
                    OnLoad = (items, _) =>
                    {
                        foreach (var item in items.OfType<JObject>().Where(i => i["name"]!.ToString() == $"Overview {sample.Suffix}"))
                        {
                            item["note"] = "[onLoad]";
                        }

                        return Task.FromResult(items);
                    },
                },
            },
        };

        // When
        await engine.PushAsync(new SyncOptions { DumpPath = temp.Path, OnlyCollections = ["dashboards"], Snapshot = false, Hooks = hooks });

        // Then
        var dashboard = await client.GetAsync($"/dashboards/{sample.Ids["dashboard"]}");
        dashboard!["note"]!.ToString().Should().Be("[onLoad]");
    }

    [Fact]
    public async Task Should_apply_the_snapshot_hooks_When_pulling_and_diffing()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(client, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        using var temp = new TempFolder();
        static Task<JObject> DropStatus(JObject snapshot, string collection)
        {
            foreach (var field in ((JArray)snapshot["fields"]!).Where(f => f["collection"]!.ToString() == collection && f["field"]!.ToString() == "status").ToList())
            {
                field.Remove();
            }

            return Task.FromResult(snapshot);
        }

        var engine = new DirectusSyncEngine(client);

        // When
        await engine.PullAsync(new SyncOptions
        {
            DumpPath = temp.Path, Collections = false, Specs = false,
            Hooks = new SyncHooks { Snapshot = new SnapshotHooks { OnSave = (s, _) => DropStatus(s, sample.Articles) } },
        });
        var withoutHook = await engine.DiffAsync(new SyncOptions { DumpPath = temp.Path, Collections = false });
        var withHook = await engine.DiffAsync(new SyncOptions
        {
            DumpPath = temp.Path, Collections = false,
            Hooks = new SyncHooks { Snapshot = new SnapshotHooks { OnLoad = (s, _) => Task.FromResult(AddBack(s)) } },
        });

        // Then
        File.Exists(temp.Combine("snapshot", "fields", sample.Articles, "status.json")).Should().BeFalse();
        File.Exists(temp.Combine("snapshot", "fields", sample.Articles, "title.json")).Should().BeTrue();
        withoutHook.Plan.Schema.Should().NotBeNull("the dump lacks a field the server has: Directus would drop it");
        withHook.Plan.Schema.Should().BeNull();

        JObject AddBack(JObject snapshot)
        {
            var live = new Core.Transport.SchemaClient(client).GetSnapshotAsync().GetAwaiter().GetResult();
            var status = ((JArray)live["fields"]!).Single(f => f["collection"]!.ToString() == sample.Articles && f["field"]!.ToString() == "status");
            ((JArray)snapshot["fields"]!).Add(status.DeepClone());
            return snapshot;
        }
    }
}
