using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Scenarios.Support;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios;

/// <summary>The reference's e2e section C: how items get their sync ids, <c>--preserve-ids</c>, and lost id maps.</summary>
[Collection(DirectusCollection.Name)]
public sealed class IdMappingScenarios(DirectusFixture fixture)
{
    public static TheoryData<string?> PreserveIdsOptions => [null, "dashboards", "operations", "panels", "policies", "roles", "translations", "all"];

    [Theory]
    [MemberData(nameof(PreserveIdsOptions))]
    public async Task Should_use_the_item_id_as_sync_id_only_for_flows_folders_and_the_named_collections_When_pulling_with_preserve_ids(string? preserve)
    {
        // e2e #15 (preserve-ids on pull, ×8).
        // Given
        using var client = fixture.Instance.CreateClient();
        var items = await ScenarioItems.CreateOneInEachCollectionAsync(client, SampleConfiguration.NewSuffix());
        using var temp = new TempFolder();

        // When
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions
        {
            DumpPath = temp.Path, Specs = false, Snapshot = false, PreserveIds = preserve is null ? [] : [preserve],
        });

        // Then
        var named = Named(preserve);
        var dump = new ScenarioDump(temp.Path);
        var syncIds = await new ServerState(client).SyncIdsAsync(items);
        foreach (var collection in ScenarioItems.CustomCollections)
        {
            dump.Find(collection, syncIds[collection]).Should().NotBeNull($"the {collection} item is dumped under its map's sync id");
            if (collection is "flows" or "folders" || named.Contains(collection))
            {
                syncIds[collection].Should().Be(items[collection], $"{collection} keep their id as sync id");
            }
            else
            {
                syncIds[collection].Should().NotBe(items[collection], $"{collection} get a sync id drawn by the server");
            }
        }

        dump.Read("settings").Should().ContainSingle().Which["_syncId"]!.ToString().Should().Be(Placeholders.Settings, "settings never keep their id");
    }

    [Theory]
    [MemberData(nameof(PreserveIdsOptions))]
    public async Task Should_create_uuid_items_with_their_sync_id_as_id_When_pushing_with_or_without_preserve_ids(string? preserve)
    {
        // e2e #16 (preserve-ids on push, ×8). The reference pushes its fixture to a bare instance; we add the
        // same kind of items, with new sync ids, to a dump just pulled from the shared instance.
        // Deliberate difference: the reference gives items outside flows, folders and the named collections an
        // id drawn by the target; we create every new uuid item with its sync id (when that uuid is free there),
        // as Directus' own sync CLI does, so that a push interrupted between a create and its id map is
        // adopted by the next run instead of duplicated. --preserve-ids still forces it (even a non-uuid one).
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false });
        var added = DumpItems.OneInEachCollection(SampleConfiguration.NewSuffix());
        DumpItems.AppendTo(new ScenarioDump(temp.Path), added);

        // When
        var push = await engine.PushAsync(new SyncOptions
        {
            DumpPath = temp.Path, Snapshot = false, PreserveIds = preserve is null ? [] : [preserve],
        });

        // Then
        var named = Named(preserve);
        var state = new ServerState(client);
        foreach (var (collection, item) in added)
        {
            push.Counts[collection].Created.Should().Be(1, collection);
            var syncId = item["_syncId"]!.ToString();
            var localId = await state.LocalIdOfAsync(collection, syncId);
            localId.Should().NotBeNull($"the new {collection} item is mapped");
            if (SystemCollections.Get(collection).HasIntegerIds)
            {
                localId.Should().NotBe(syncId, $"{collection} have integer keys that the target draws");
            }
            else
            {
                localId.Should().Be(syncId, $"{collection} are created with their sync id as id (preserved: {named.Contains(collection)})");
            }
        }
    }

    [Fact]
    public async Task Should_map_the_existing_flow_and_folder_again_instead_of_duplicating_them_When_their_maps_were_removed()
    {
        // e2e #17 (push-with-existing-uuid). The reference learns it from a failed create (RECORD_NOT_UNIQUE) and
        // logs a warning; we see the item up front and plan a map for it. The reference pushes its fixture twice
        // and untracks in between; on the shared instance we pull, untrack, and push the pulled dump.
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var items = await ScenarioItems.CreateOneInEachCollectionAsync(client, SampleConfiguration.NewSuffix());
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        var options = new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false };
        await engine.PullAsync(options);
        await state.IdMaps.DeleteByLocalIdAsync("flows", items["flows"]);
        await state.IdMaps.DeleteByLocalIdAsync("folders", items["folders"]);
        var mapsBefore = (await state.SyncIdOfAsync("flows", items["flows"]), await state.SyncIdOfAsync("folders", items["folders"]));

        // When
        var diff = await engine.DiffAsync(options);
        var push = await engine.PushAsync(options);

        // Then
        mapsBefore.Should().Be((null, null));
        foreach (var collection in new[] { "flows", "folders" })
        {
            diff.Plan.Operations.Should().ContainSingle(o => o.Collection == collection && o.SyncId == items[collection])
                .Which.Should().BeOfType<CreateIdMap>().Which.LocalId.Should().Be(items[collection]);
            push.Counts[collection].Created.Should().Be(0, $"the {collection} item exists already");
            (await state.MapsAsync(collection)).Where(m => m.LocalId == items[collection]).Should().ContainSingle()
                .Which.SyncId.Should().Be(items[collection], $"the {collection} map is back");
        }

        (await state.ItemsAsync("flows", $"filter[name][_eq]={Uri.EscapeDataString(items.FlowName)}")).Should().ContainSingle("no duplicate flow");
        (await state.ItemsAsync("folders", $"filter[name][_eq]={Uri.EscapeDataString(items.FolderName)}")).Should().ContainSingle("no duplicate folder");
    }

    private static IReadOnlyList<string> Named(string? preserve) => preserve switch
    {
        null => [],
        "all" => ScenarioItems.OptionallyPreserved,
        _ => [preserve],
    };
}
