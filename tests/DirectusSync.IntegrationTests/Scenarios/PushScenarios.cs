using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Scenarios.Support;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios;

/// <summary>
/// The reference's e2e section B: push and diff create, update and delete, and a second push does nothing.
/// The reference counts log lines and <c>directus_activity</c> rows; we assert the plan's summaries, the
/// push's counts and what the server holds.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class PushScenarios(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_create_each_item_once_and_then_do_nothing_When_pushing_one_item_per_collection_to_an_empty_instance_twice()
    {
        // e2e #8 (push-on-empty-instance) and #9 (push-twice-on-empty-instance).
        // Given
        using var source = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var oneItem = await FixtureDumps.OneItemPerCollectionAsync(source, temp.Combine("one-item-per-collection"));
        await using var instance = await DirectusInstance.StartAsync($"push-empty-{oneItem.Items.Suffix}");
        using var client = instance.CreateClient();
        var state = new ServerState(client);
        var engine = new DirectusSyncEngine(client);
        var options = new SyncOptions { DumpPath = oneItem.Dump.Path };

        // When
        var diff = await engine.DiffAsync(options);
        var mapsAfterDiff = await state.MapCountAsync();
        var push = await engine.PushAsync(options);
        var activityAfterFirstPush = await state.ActivityCountAsync();
        var secondPush = await engine.PushAsync(options);

        // Then
        // e2e #8, diff: one item to create per collection; the settings to update; the defaults unchanged,
        // met through their placeholders (the target has no id map yet).
        diff.Plan.Schema.Should().BeNull();
        var unchangedDefaults = new Dictionary<string, int> { ["roles"] = 1, ["policies"] = 2 };
        foreach (var summary in diff.Plan.Summaries)
        {
            var expected = summary.Collection == "settings" ? (0, 0, 1, 0) : (0, 1, 0, 0);
            (summary.Dangling, summary.ToCreate, summary.ToUpdate, summary.ToDelete).Should().Be(expected, summary.Collection);
            summary.Unchanged.Should().Be(unchangedDefaults.GetValueOrDefault(summary.Collection), summary.Collection);
        }

        diff.Plan.Operations.OfType<CreateIdMap>().Select(m => m.SyncId).Should().BeEquivalentTo(
            [Placeholders.AdminRole, Placeholders.AdminPolicy, Placeholders.PublicPolicy, Placeholders.Settings]);

        // Our diff writes nothing, not even these placeholder maps (the reference's diff creates them when it
        // looks the placeholders up): the push creates them.
        mapsAfterDiff.Should().Be(0);

        // e2e #8, push: created 1 per collection (settings: updated). flows count 1 update too: a flow is created
        // without its first operation, which is linked once created (the reference does it in its second iteration).
        foreach (var (collection, counts) in push.Counts)
        {
            (counts.Created, counts.Updated, counts.Deleted, counts.DanglingRemoved).Should().Be(collection switch
            {
                "settings" => (0, 1, 0, 0),
                "flows" => (1, 1, 0, 0),
                _ => (1, 0, 0, 0),
            }, collection);
        }

        (await state.CustomItemCountsAsync()).Values.Should().AllSatisfy(n => n.Should().Be(1));
        var local = new Dictionary<string, string>();
        foreach (var (collection, syncId) in oneItem.SyncIds)
        {
            local[collection] = (await state.LocalIdOfAsync(collection, syncId))!;
            local[collection].Should().NotBeNull($"the new {collection} item is mapped to its sync id");
        }

        local["flows"].Should().Be(oneItem.SyncIds["flows"], "flows are created with their sync id as id");
        local["folders"].Should().Be(oneItem.SyncIds["folders"], "folders are created with their sync id as id");
        await ShouldLinkTheItemsAsync(state, local);
        (await state.MapsAsync("roles")).Should().HaveCount(2);
        (await state.MapsAsync("policies")).Should().HaveCount(3);
        (await state.MapsAsync("settings")).Should().ContainSingle().Which.SyncId.Should().Be(Placeholders.Settings);

        // e2e #9: the second push finds nothing to do and writes nothing.
        secondPush.Counts.Values.Should().AllSatisfy(c => (c.Created, c.Updated, c.Deleted, c.DanglingRemoved).Should().Be((0, 0, 0, 0)));
        (await state.ActivityCountAsync()).Should().Be(activityAfterFirstPush);
        (await engine.DiffAsync(options)).Plan.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task Should_do_nothing_When_pushing_a_dump_just_pulled_from_the_same_instance()
    {
        // e2e #10 (pull-and-push-without-changes), on the shared instance. Other tests may have left dangling
        // maps there, which a push removes without touching items; so "all counts 0" is checked on items.
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var engine = new DirectusSyncEngine(client);
        await ScenarioItems.CreateOneInEachCollectionAsync(client, SampleConfiguration.NewSuffix());
        using var temp = new TempFolder();
        var options = new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false };
        await engine.PullAsync(options);
        var activityBefore = await state.ActivityCountAsync();

        // When
        var diff = await engine.DiffAsync(options);
        var push = await engine.PushAsync(options);

        // Then
        foreach (var summary in diff.Plan.Summaries)
        {
            (summary.ToCreate, summary.ToUpdate, summary.ToDelete).Should().Be((0, 0, 0), summary.Collection);
            summary.Unchanged.Should().BeGreaterThanOrEqualTo(1, summary.Collection);
        }

        diff.Plan.Operations.Where(o => o.ChangesItems).Select(o => $"{o.Kind} {o.Collection} {o.SyncId}").Should().BeEmpty();
        push.Counts.Values.Should().AllSatisfy(c => (c.Created, c.Updated, c.Deleted).Should().Be((0, 0, 0)));
        (await state.ActivityCountAsync()).Should().Be(activityBefore);
    }

    [Fact]
    public async Task Should_update_every_item_in_place_When_pushing_a_dump_whose_values_changed()
    {
        // e2e #11 (pull-and-push-with-changes).
        // Given
        using var source = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var oneItem = await FixtureDumps.OneItemPerCollectionAsync(source, temp.Combine("one-item-per-collection"));
        var updated = FixtureDumps.Updated(oneItem, temp.Combine("one-item-per-collection-updated"));
        await using var instance = await DirectusInstance.StartAsync($"push-changes-{oneItem.Items.Suffix}");
        using var client = instance.CreateClient();
        var state = new ServerState(client);
        var engine = new DirectusSyncEngine(client);
        await engine.PushAsync(new SyncOptions { DumpPath = oneItem.Dump.Path });
        var idsBefore = new Dictionary<string, string>();
        foreach (var (collection, syncId) in oneItem.SyncIds)
        {
            idsBefore[collection] = (await state.LocalIdOfAsync(collection, syncId))!;
        }

        var options = new SyncOptions { DumpPath = updated.Path };

        // When
        var diff = await engine.DiffAsync(options);
        var push = await engine.PushAsync(options);
        var after = await engine.DiffAsync(options);

        // Then
        var unchangedDefaults = new Dictionary<string, int> { ["roles"] = 1, ["policies"] = 2 };
        foreach (var summary in diff.Plan.Summaries)
        {
            (summary.Dangling, summary.ToCreate, summary.ToUpdate, summary.ToDelete).Should().Be((0, 0, 1, 0), summary.Collection);
            summary.Unchanged.Should().Be(unchangedDefaults.GetValueOrDefault(summary.Collection), summary.Collection);
        }

        // The reference counts 2 update activities for the translation (key first, then language and value);
        // we count items, so 1.
        foreach (var (collection, counts) in push.Counts)
        {
            (counts.Created, counts.Updated, counts.Deleted).Should().Be((0, 1, 0), collection);
        }

        after.Plan.IsEmpty.Should().BeTrue("the final diff finds nothing left");
        (await state.CustomItemCountsAsync()).Values.Should().AllSatisfy(n => n.Should().Be(1), "updated, not recreated");
        foreach (var (collection, syncId) in oneItem.SyncIds)
        {
            (await state.LocalIdOfAsync(collection, syncId)).Should().Be(idsBefore[collection], $"the {collection} item is updated in place");
        }

        var suffix = oneItem.Items.Suffix;
        (await state.ItemAsync("dashboards", idsBefore["dashboards"]))!["name"]!.ToString().Should().Be($"Dashboard {suffix} (updated)");
        (await state.ItemAsync("roles", idsBefore["roles"]))!["description"]!.ToString().Should().Be("Changed");
        (await state.ItemAsync("operations", idsBefore["operations"]))!["options"].ShouldEqualJson(new JObject { ["message"] = "Changed" });
        (await state.ItemAsync("permissions", idsBefore["permissions"]))!["presets"].ShouldEqualJson(new JObject { ["note"] = "Changed" });
        var translation = (await state.ItemAsync("translations", idsBefore["translations"]))!;
        (translation["key"]!.ToString(), translation["language"]!.ToString(), translation["value"]!.ToString())
            .Should().Be(($"greeting_{suffix}_updated", "de-DE", "Hallo"));
        (await state.SettingsAsync())["project_name"]!.ToString().Should().Be($"Project {suffix} (updated)");
    }

    [Fact]
    public async Task Should_delete_every_custom_item_and_its_map_When_pushing_a_dump_with_only_the_defaults()
    {
        // e2e #12 (pull-and-push-with-deletions).
        // Given
        using var source = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var oneItem = await FixtureDumps.OneItemPerCollectionAsync(source, temp.Combine("one-item-per-collection"));
        var empty = FixtureDumps.DefaultsOnly(oneItem, temp.Combine("empty-collections"));
        await using var instance = await DirectusInstance.StartAsync($"push-deletions-{oneItem.Items.Suffix}");
        using var client = instance.CreateClient();
        var state = new ServerState(client);
        var engine = new DirectusSyncEngine(client);
        await engine.PushAsync(new SyncOptions { DumpPath = oneItem.Dump.Path });
        var options = new SyncOptions { DumpPath = empty.Path };

        // When
        var diff = await engine.DiffAsync(options);
        var push = await engine.PushAsync(options);

        // Then
        foreach (var summary in diff.Plan.Summaries)
        {
            var expected = summary.Collection == "settings" ? (0, 0, 1, 0) : (0, 0, 0, 1);
            (summary.Dangling, summary.ToCreate, summary.ToUpdate, summary.ToDelete).Should().Be(expected, summary.Collection);
        }

        // The reference deletes flows, dashboards and policies and lets the database cascade to operations,
        // panels and permissions ("Deleted 0" there, one stale id map left each). We delete dependants first,
        // explicitly, so every collection counts 1 and no stale map is left.
        foreach (var (collection, counts) in push.Counts)
        {
            (counts.Created, counts.Updated, counts.Deleted).Should().Be(collection == "settings" ? (0, 1, 0) : (0, 0, 1), collection);
        }

        (await state.CustomItemCountsAsync()).Values.Should().AllSatisfy(n => n.Should().Be(0));
        var settings = await state.SettingsAsync();
        settings["public_registration_role"]!.Type.Should().Be(JTokenType.Null);
        settings["project_name"]!.ToString().Should().Be("Directus");
        foreach (var collection in SystemCollections.Names)
        {
            (await state.MapsAsync(collection)).Select(m => m.SyncId).Should().BeEquivalentTo(collection switch
            {
                "settings" => [Placeholders.Settings],
                "roles" => [Placeholders.AdminRole],
                "policies" => new[] { Placeholders.AdminPolicy, Placeholders.PublicPolicy },
                _ => Array.Empty<string>(),
            }, $"only the defaults stay mapped in {collection}");
        }
    }

    [Fact]
    public async Task Should_keep_the_default_rows_When_pushing_a_dump_that_lacks_them()
    {
        // e2e #12, our behaviour: the reference's fixtures always hold the defaults; given a dump without them,
        // the reference plans to delete them like any other tracked item the dump lacks. We never delete the
        // admin role, the admin policy or the public policy: a push must not lock the admin out.
        // Given
        await using var instance = await DirectusInstance.StartAsync($"keep-defaults-{SampleConfiguration.NewSuffix()}");
        using var client = instance.CreateClient();
        var state = new ServerState(client);
        var engine = new DirectusSyncEngine(client);
        using var temp = new TempFolder();
        var options = new SyncOptions { DumpPath = temp.Path, Specs = false };
        await engine.PullAsync(options);
        var dump = new ScenarioDump(temp.Path);
        dump.Store.Write("roles", []);
        dump.Store.Write("policies", []);
        var defaults = await state.DefaultsAsync();

        // When
        var diff = await engine.DiffAsync(options);
        var push = await engine.PushAsync(options);

        // Then
        diff.Plan.Operations.OfType<DeleteItem>().Should().BeEmpty();
        diff.Plan.Summaries.Should().AllSatisfy(s => s.ToDelete.Should().Be(0, s.Collection));
        (push.Counts["roles"].Deleted, push.Counts["policies"].Deleted).Should().Be((0, 0));
        (await state.DefaultsAsync()).Should().Be(defaults, "the admin role and the admin and public policies are still there");
        (await state.ItemsAsync("roles")).Should().ContainSingle();
        (await state.ItemsAsync("policies")).Should().HaveCount(2);
    }

    [Fact]
    public async Task Should_report_dangling_maps_and_items_to_create_When_diffing_after_the_items_were_deleted_on_the_server()
    {
        // e2e #13 (pull-flush-and-push: diff), on the shared instance.
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var (_, syncIds, options) = await PullThenDeleteAsync(client, temp.Path);

        // When
        var diff = await new DirectusSyncEngine(client).DiffAsync(options);

        // Then
        foreach (var (collection, syncId) in syncIds)
        {
            diff.Plan.Operations.Should().ContainSingle(o => o is DeleteIdMap && o.Collection == collection && o.SyncId == syncId,
                $"the {collection} map points at a deleted item");
            diff.Plan.Operations.Should().ContainSingle(o => o is CreateItem && o.Collection == collection && o.SyncId == syncId,
                $"the {collection} item is created anew");
            var summary = diff.Plan.Summaries.Single(s => s.Collection == collection);
            summary.Dangling.Should().BeGreaterThanOrEqualTo(1, collection);
            (summary.ToCreate, summary.ToUpdate, summary.ToDelete).Should().Be((1, 0, 0), collection);
        }

        // Deleting the role nulled the settings' registration role: the dump sets it again.
        var settings = diff.Plan.Summaries.Single(s => s.Collection == "settings");
        (settings.Dangling, settings.ToCreate, settings.ToUpdate, settings.ToDelete).Should().Be((0, 0, 1, 0));
        diff.Plan.Operations.OfType<UpdateItem>().Single(u => u.Collection == "settings").Changes
            .ShouldEqualJson(new JObject { ["public_registration_role"] = syncIds["roles"] });

        // Tidy up the shared instance: other tests' plans should not carry these dangling maps.
        var state = new ServerState(client);
        foreach (var (collection, syncId) in syncIds)
        {
            await state.IdMaps.DeleteBySyncIdAsync(collection, syncId);
        }
    }

    [Fact]
    public async Task Should_recreate_the_items_with_new_ids_and_remapped_relations_When_pushing_after_the_items_were_deleted_on_the_server()
    {
        // e2e #14 (pull-flush-and-push: push), on the shared instance.
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        using var temp = new TempFolder();
        var originals = new Dictionary<string, JObject>();
        var (items, syncIds, options) = await PullThenDeleteAsync(client, temp.Path, async created =>
        {
            foreach (var collection in ScenarioItems.CustomCollections)
            {
                originals[collection] = (await state.ItemAsync(collection, created[collection]))!;
            }
        });

        // When
        var push = await new DirectusSyncEngine(client).PushAsync(options);

        // Then
        foreach (var collection in ScenarioItems.CustomCollections)
        {
            push.Counts[collection].Created.Should().Be(1, collection);
            push.Counts[collection].DanglingRemoved.Should().BeGreaterThanOrEqualTo(1, collection);
            push.Counts[collection].Deleted.Should().Be(0, collection);
        }

        push.Counts["settings"].Updated.Should().Be(1);
        var local = new Dictionary<string, string>();
        foreach (var (collection, syncId) in syncIds)
        {
            var maps = (await state.MapsAsync(collection)).Where(m => m.SyncId == syncId || m.LocalId == items[collection]).ToList();
            maps.Should().ContainSingle($"one {collection} map, for the new item").Which.SyncId.Should().Be(syncId);
            local[collection] = maps[0].LocalId;
            if (collection is "flows" or "folders")
            {
                local[collection].Should().Be(items[collection], $"{collection} keep their id");
            }
            else
            {
                local[collection].Should().NotBe(items[collection], $"the {collection} item is new");
                (await state.ItemAsync(collection, items[collection])).Should().BeNull();
            }

            var recreated = (await state.ItemAsync(collection, local[collection]))!;
            foreach (var field in ComparedFields[collection])
            {
                recreated[field].ShouldEqualJson(originals[collection][field]!, $"{collection}.{field} is restored");
            }
        }

        await ShouldLinkTheItemsAsync(state, local);
    }

    // Fields that do not hold ids, by collection (e2e #14 compares with objectContaining).
    private static readonly Dictionary<string, string[]> ComparedFields = new()
    {
        ["folders"] = ["name"],
        ["translations"] = ["key", "language", "value"],
        ["flows"] = ["name", "icon", "color", "description", "status", "trigger", "accountability", "options"],
        ["operations"] = ["name", "key", "type", "position_x", "position_y", "options"],
        ["roles"] = ["name", "icon", "description"],
        ["policies"] = ["name", "icon", "description", "admin_access", "app_access", "enforce_tfa"],
        ["permissions"] = ["collection", "action", "fields", "permissions", "validation", "presets"],
        ["dashboards"] = ["name", "icon", "note", "color"],
        ["panels"] = ["name", "icon", "color", "show_header", "note", "type", "position_x", "position_y", "width", "height", "options"],
        ["presets"] = ["bookmark", "collection", "layout", "icon", "color"],
    };

    /// <summary>The relations of the one-item-per-collection items point at each other's local ids.</summary>
    private static async Task ShouldLinkTheItemsAsync(ServerState state, IReadOnlyDictionary<string, string> local)
    {
        (await state.ItemAsync("flows", local["flows"]))!["operation"]!.ToString().Should().Be(local["operations"]);
        (await state.ItemAsync("operations", local["operations"]))!["flow"]!.ToString().Should().Be(local["flows"]);
        (await state.ItemAsync("panels", local["panels"]))!["dashboard"]!.ToString().Should().Be(local["dashboards"]);
        (await state.ItemAsync("permissions", local["permissions"]))!["policy"]!.ToString().Should().Be(local["policies"]);
        (await state.AccessesAsync(local["policies"])).Should().Equal([(local["roles"], null, 1)]);
        (await state.SettingsAsync())["public_registration_role"]!.ToString().Should().Be(local["roles"]);
    }

    /// <summary>Creates one item per collection, pulls, then deletes the items through REST (not the settings).</summary>
    private static async Task<(SystemItems Items, Dictionary<string, string> SyncIds, SyncOptions Options)> PullThenDeleteAsync(
        DirectusClient client, string dumpPath, Func<SystemItems, Task>? beforeDelete = null)
    {
        var items = await ScenarioItems.CreateOneInEachCollectionAsync(client, SampleConfiguration.NewSuffix());
        var options = new SyncOptions { DumpPath = dumpPath, Specs = false, Snapshot = false };
        await new DirectusSyncEngine(client).PullAsync(options);
        var syncIds = await new ServerState(client).SyncIdsAsync(items);
        if (beforeDelete is not null)
        {
            await beforeDelete(items);
        }

        await ScenarioItems.DeleteAsync(client, items);
        return (items, syncIds, options);
    }
}
