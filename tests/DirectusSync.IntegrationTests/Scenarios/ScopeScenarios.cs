using DirectusSync.Core.Model;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Scenarios.Support;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios;

/// <summary>
/// The reference's e2e section I: <c>--only-collections</c>, <c>--exclude-collections</c>, <c>--no-collections</c>
/// and <c>--no-snapshot</c> on pull, diff and push. #52–53 (the config file's <c>collections: false</c>) set the
/// same option as #50–51 and are the CLI's to test.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class ScopeScenarios(DirectusFixture fixture)
{
    private static readonly string[] Four = ["roles", "policies", "permissions", "translations"];

    [Fact]
    public async Task Should_neither_dump_nor_map_the_excluded_collections_When_pulling_with_exclude_collections()
    {
        // e2e #46 (exclude on pull).
        // Given
        using var client = fixture.Instance.CreateClient();
        var items = await ScenarioItems.CreateOneInEachCollectionAsync(client, SampleConfiguration.NewSuffix());
        using var temp = new TempFolder();


        // When
        var pull = await new DirectusSyncEngine(client).PullAsync(new SyncOptions
        {
            DumpPath = temp.Path, Specs = false, Snapshot = false, ExcludeCollections = Four,
        });

        // Then
        var others = SystemCollections.Names.Except(Four).ToList();
        pull.ItemCounts.Keys.Should().BeEquivalentTo(others);
        new ScenarioDump(temp.Path).FilesUnder("collections").Should().BeEquivalentTo(others.Select(c => c + ".json"), "excluded collections have no file");
        await ShouldBeMappedAsync(client, items, mapped: ScenarioItems.CustomCollections.Except(Four), unmapped: Four);
    }

    [Fact]
    public async Task Should_refuse_to_diff_without_the_exclusion_When_the_dump_was_pulled_with_exclude_collections()
    {
        // e2e #46, our behaviour: excluded collections have no file. The reference reads a missing file as an
        // empty list, so a diff or push without the exclusion would delete every tracked item of those
        // collections; we refuse, naming the missing file.
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false, ExcludeCollections = Four });

        // When
        var unscoped = () => engine.DiffAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false });

        // Then
        (await unscoped.Should().ThrowAsync<DumpFileException>()).Which.FilePath
            .Should().Match(path => Four.Any(c => path.EndsWith($"{c}.json", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_create_nothing_in_the_excluded_collections_When_pushing_with_exclude_collections()
    {
        // e2e #47 (exclude on push).
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var added = await PullAndAddOneItemPerCollectionAsync(client, temp.Path);

        // When
        var push = await new DirectusSyncEngine(client).PushAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false, ExcludeCollections = Four });

        // Then
        await ShouldBeCreatedAsync(client, push, added, created: ScenarioItems.CustomCollections.Except(Four), notCreated: Four);
    }

    [Fact]
    public async Task Should_dump_and_map_only_the_named_collections_When_pulling_with_only_collections()
    {
        // e2e #48 (only on pull).
        // Given
        using var client = fixture.Instance.CreateClient();
        var items = await ScenarioItems.CreateOneInEachCollectionAsync(client, SampleConfiguration.NewSuffix());
        using var temp = new TempFolder();

        // When
        var pull = await new DirectusSyncEngine(client).PullAsync(new SyncOptions
        {
            DumpPath = temp.Path, Specs = false, Snapshot = false, OnlyCollections = Four,
        });

        // Then
        pull.ItemCounts.Keys.Should().BeEquivalentTo(Four);
        new ScenarioDump(temp.Path).FilesUnder("collections").Should().BeEquivalentTo(Four.Select(c => c + ".json"));
        await ShouldBeMappedAsync(client, items, mapped: Four, unmapped: ScenarioItems.CustomCollections.Except(Four));
    }

    [Fact]
    public async Task Should_create_only_in_the_named_collections_When_pushing_with_only_collections()
    {
        // e2e #49 (only on push).
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var added = await PullAndAddOneItemPerCollectionAsync(client, temp.Path);

        // When
        var push = await new DirectusSyncEngine(client).PushAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false, OnlyCollections = Four });

        // Then
        await ShouldBeCreatedAsync(client, push, added, created: Four, notCreated: ScenarioItems.CustomCollections.Except(Four));
    }

    [Fact]
    public async Task Should_write_the_snapshot_but_no_collection_file_and_no_map_When_pulling_without_collections()
    {
        // e2e #50 (--no-collections on pull).
        // Given
        using var client = fixture.Instance.CreateClient();
        var items = await ScenarioItems.CreateOneInEachCollectionAsync(client, SampleConfiguration.NewSuffix());
        using var temp = new TempFolder();

        // When
        var pull = await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Collections = false });

        // Then
        pull.ItemCounts.Should().BeEmpty();
        pull.SnapshotWritten.Should().BeTrue();
        var dump = new ScenarioDump(temp.Path);
        dump.FilesUnder("collections").Should().BeEmpty();
        dump.FilesUnder("snapshot").Should().Contain("info.json");
        await ShouldBeMappedAsync(client, items, mapped: [], unmapped: ScenarioItems.CustomCollections);
    }

    [Fact]
    public async Task Should_create_nothing_When_pushing_without_collections()
    {
        // e2e #51 (--no-collections on push).
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var added = await PullAndAddOneItemPerCollectionAsync(client, temp.Path);
        var activityBefore = await new ServerState(client).ActivityCountAsync();

        // When
        var push = await new DirectusSyncEngine(client).PushAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false, Collections = false });

        // Then
        await ShouldBeCreatedAsync(client, push, added, created: [], notCreated: ScenarioItems.CustomCollections);
        (await new ServerState(client).ActivityCountAsync()).Should().Be(activityBefore);
    }

    [Fact]
    public async Task Should_leave_the_snapshot_folder_empty_When_pulling_without_snapshot()
    {
        // e2e #54 (--no-snapshot on pull).
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();

        // When
        var pull = await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false });

        // Then
        pull.SnapshotWritten.Should().BeFalse();
        Directory.Exists(temp.Combine("snapshot")).Should().BeTrue("the snapshot folder is created, as by the reference");
        Directory.EnumerateFileSystemEntries(temp.Combine("snapshot")).Should().BeEmpty();
        new ScenarioDump(temp.Path).FilesUnder("collections").Should().HaveCount(SystemCollections.Names.Count);
    }

    [Fact]
    public async Task Should_ignore_the_dump_snapshot_When_diffing_without_snapshot()
    {
        // e2e #55 (--no-snapshot on diff): the dump's snapshot lacks a collection the server has.
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var collection = await PullThenCreateCollectionAsync(client, temp.Path);
        var engine = new DirectusSyncEngine(client);

        // When
        var withoutSnapshot = await engine.DiffAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false, Collections = false });
        var withSnapshot = await engine.DiffAsync(new SyncOptions { DumpPath = temp.Path, Collections = false });

        // Then
        withoutSnapshot.Plan.Schema.Should().BeNull();
        withSnapshot.Plan.Schema.Should().NotBeNull($"the dump's snapshot would drop {collection}: the check is not vacuous");
    }

    [Fact]
    public async Task Should_apply_no_schema_change_When_pushing_without_snapshot()
    {
        // e2e #56 (--no-snapshot on push).
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var collection = await PullThenCreateCollectionAsync(client, temp.Path);

        // When
        var push = await new DirectusSyncEngine(client).PushAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false, Collections = false });

        // Then
        push.SchemaApplied.Should().BeFalse();
        (await client.GetAsync($"/collections/{collection}"))!["collection"]!.ToString().Should().Be(collection, "the collection the dump lacks is kept");
    }

    /// <summary>Pulls the shared instance and adds one new item per custom collection to the dump.</summary>
    private static async Task<Dictionary<string, JObject>> PullAndAddOneItemPerCollectionAsync(Core.Transport.DirectusClient client, string path)
    {
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = path, Specs = false, Snapshot = false });
        var added = DumpItems.OneInEachCollection(SampleConfiguration.NewSuffix());
        DumpItems.AppendTo(new ScenarioDump(path), added);
        return added;
    }

    /// <summary>Pulls the schema of the shared instance, then creates a collection the dump does not have.</summary>
    private static async Task<string> PullThenCreateCollectionAsync(Core.Transport.DirectusClient client, string path)
    {
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = path, Specs = false, Collections = false });
        var collection = $"ghost_{SampleConfiguration.NewSuffix()}";
        await client.PostAsync("/collections", new JObject
        {
            ["collection"] = collection,
            // With meta: a table without it is left out of the snapshot while its fields are not, which makes the
            // shared instance's snapshot impossible to apply elsewhere (Directus answers 500).
            ["meta"] = new JObject { ["icon"] = "visibility_off" },
            ["schema"] = new JObject(),
            ["fields"] = new JArray(new JObject
            {
                ["field"] = "id", ["type"] = "integer", ["meta"] = new JObject { ["hidden"] = true },
                ["schema"] = new JObject { ["is_primary_key"] = true, ["has_auto_increment"] = true },
            }),
        });
        return collection;
    }

    private static async Task ShouldBeMappedAsync(Core.Transport.DirectusClient client, SystemItems items, IEnumerable<string> mapped, IEnumerable<string> unmapped)
    {
        var state = new ServerState(client);
        foreach (var collection in mapped)
        {
            (await state.SyncIdOfAsync(collection, items[collection])).Should().NotBeNull($"{collection} is pulled, so its item is mapped");
        }

        foreach (var collection in unmapped)
        {
            (await state.SyncIdOfAsync(collection, items[collection])).Should().BeNull($"{collection} is not pulled, so its item is not mapped");
        }
    }

    private static async Task ShouldBeCreatedAsync(
        Core.Transport.DirectusClient client, Core.Execution.PushResult push, IReadOnlyDictionary<string, JObject> added,
        IEnumerable<string> created, IEnumerable<string> notCreated)
    {
        var state = new ServerState(client);
        foreach (var collection in created)
        {
            push.Counts[collection].Created.Should().Be(1, collection);
            (await state.LocalIdOfAsync(collection, added[collection]["_syncId"]!.ToString())).Should().NotBeNull($"the new {collection} item is created");
        }

        foreach (var collection in notCreated)
        {
            push.Counts[collection].Created.Should().Be(0, collection);
            (await state.LocalIdOfAsync(collection, added[collection]["_syncId"]!.ToString())).Should().BeNull($"{collection} is out of scope");
        }
    }
}
