using DirectusSync.Core.Model;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Scenarios.Support;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios;

/// <summary>The reference's e2e section A: what a pull writes, and what it leaves on the server.</summary>
[Collection(DirectusCollection.Name)]
public sealed class PullScenarios(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_write_every_item_with_its_id_map_sync_id_and_relations_as_sync_ids_When_pulling_one_item_per_collection()
    {
        // e2e #1 (pull-basic), on a fresh instance so that the counts are exact.
        // Given
        await using var instance = await DirectusInstance.StartAsync($"pull-basic-{SampleConfiguration.NewSuffix()}");
        using var client = instance.CreateClient();
        var items = await ScenarioItems.CreateOneInEachCollectionAsync(client, SampleConfiguration.NewSuffix());
        using var temp = new TempFolder();
        var state = new ServerState(client);

        // When
        var result = await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false });

        // Then
        // The reference asserts "Pulled N items" log lines; we assert the counts the pull returns.
        result.ItemCounts.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["settings"] = 1, ["folders"] = 1, ["translations"] = 1, ["flows"] = 1, ["operations"] = 1, ["roles"] = 2,
            ["policies"] = 3, ["permissions"] = 1, ["dashboards"] = 1, ["panels"] = 1, ["presets"] = 1,
        });
        var dump = new ScenarioDump(temp.Path);
        foreach (var collection in SystemCollections.Names)
        {
            var maps = await state.MapsAsync(collection);
            maps.Should().HaveCount(result.ItemCounts[collection], $"every pulled {collection} item gets one id map");
            dump.Read(collection).Select(i => i.Value<string>("_syncId")).Should()
                .BeEquivalentTo(maps.Select(m => m.SyncId), $"the {collection} dump uses the id maps' sync ids");
            foreach (var item in dump.Read(collection).OfType<JObject>())
            {
                item.Properties().Last().Name.Should().Be("_syncId", "_syncId is written last");
            }
        }

        var ids = await state.SyncIdsAsync(items);
        ids["flows"].Should().Be(items["flows"], "flows keep their id as sync id");
        ids["folders"].Should().Be(items["folders"], "folders keep their id as sync id");
        dump.Item("dashboards", ids["dashboards"]).ShouldEqualJson(new JObject
        {
            ["name"] = $"Dashboard {items.Suffix}", ["icon"] = "dashboard", ["note"] = "The e2e dashboard", ["color"] = "#2ECDA7",
            ["_syncId"] = ids["dashboards"],
        });
        dump.Item("flows", ids["flows"]).ShouldEqualJson(new JObject
        {
            ["name"] = items.FlowName, ["icon"] = "bolt", ["color"] = "#FFA439", ["description"] = "Logs on demand",
            ["status"] = "active", ["trigger"] = "manual", ["accountability"] = "all",
            ["options"] = new JObject { ["collections"] = new JArray("directus_dashboards"), ["requireConfirmation"] = false },
            ["operation"] = ids["operations"], ["_syncId"] = ids["flows"],
        });
        dump.Item("folders", ids["folders"]).ShouldEqualJson(new JObject
        {
            ["name"] = items.FolderName, ["parent"] = null, ["_syncId"] = ids["folders"],
        });
        dump.Item("operations", ids["operations"]).ShouldEqualJson(new JObject
        {
            ["name"] = "Log it", ["key"] = $"log_{items.Suffix}", ["type"] = "log", ["position_x"] = 19, ["position_y"] = 1,
            ["options"] = new JObject { ["message"] = $"Hello {items.Suffix}" }, ["resolve"] = null, ["reject"] = null,
            ["flow"] = ids["flows"], ["_syncId"] = ids["operations"],
        });
        dump.Item("panels", ids["panels"]).ShouldEqualJson(new JObject
        {
            ["dashboard"] = ids["dashboards"], ["name"] = $"Panel {items.Suffix}", ["icon"] = "title", ["color"] = "#3399FF",
            ["show_header"] = true, ["note"] = "A label", ["type"] = "label", ["position_x"] = 1, ["position_y"] = 1,
            ["width"] = 10, ["height"] = 6, ["options"] = new JObject { ["text"] = $"Label {items.Suffix}" }, ["_syncId"] = ids["panels"],
        });
        dump.Item("roles", ids["roles"]).ShouldEqualJson(new JObject
        {
            ["name"] = items.RoleName, ["icon"] = "supervised_user_circle", ["description"] = "The e2e role", ["parent"] = null,
            ["_syncId"] = ids["roles"],
        });
        // As the reference (3.5.1) writes access rows: {role, user, sort}, rows attached to a single user left out.
        dump.Item("policies", ids["policies"]).ShouldEqualJson(new JObject
        {
            ["name"] = items.PolicyName, ["icon"] = "badge", ["description"] = "The e2e policy", ["ip_access"] = null,
            ["enforce_tfa"] = false, ["admin_access"] = false, ["app_access"] = true,
            ["roles"] = new JArray(new JObject { ["role"] = ids["roles"], ["user"] = null, ["sort"] = 1 }), ["_syncId"] = ids["policies"],
        });
        dump.Item("permissions", ids["permissions"]).ShouldEqualJson(new JObject
        {
            ["collection"] = "directus_dashboards", ["action"] = "update", ["permissions"] = new JObject(), ["validation"] = new JObject(),
            ["presets"] = null, ["fields"] = new JArray("*"), ["policy"] = ids["policies"], ["_syncId"] = ids["permissions"],
        });
        dump.Item("presets", ids["presets"]).ShouldEqualJson(new JObject
        {
            ["bookmark"] = $"Bookmark {items.Suffix}", ["role"] = null, ["collection"] = "directus_dashboards", ["search"] = null,
            ["layout"] = "tabular", ["layout_query"] = null, ["layout_options"] = null, ["refresh_interval"] = null,
            ["filter"] = null, ["icon"] = "bookmark", ["color"] = "#A2B5CD", ["_syncId"] = ids["presets"],
        }, "presets are written without user");
        dump.Item("translations", ids["translations"]).ShouldEqualJson(new JObject
        {
            ["language"] = "fr-FR", ["key"] = $"greeting_{items.Suffix}", ["value"] = "Bonjour", ["_syncId"] = ids["translations"],
        });

        var settings = dump.Item("settings", Placeholders.Settings);
        var ignored = new[] { "id", "project_logo", "project_url", "project_id", "public_foreground", "public_background", "public_favicon" };
        settings.Should().NotContainKeys(ignored);
        settings["public_registration_role"]!.ToString().Should().Be(ids["roles"], "the settings point at the role by sync id");
        var live = await state.SettingsAsync();
        foreach (var property in live.Properties().Where(p => !ignored.Contains(p.Name) && p.Name != "public_registration_role"))
        {
            settings[property.Name].ShouldEqualJson(property.Value, $"settings.{property.Name} is dumped as the server has it");
        }

        var defaults = await state.DefaultsAsync();
        (await state.SyncIdOfAsync("roles", defaults.AdminRole!)).Should().Be(Placeholders.AdminRole);
        (await state.SyncIdOfAsync("policies", defaults.AdminPolicy!)).Should().Be(Placeholders.AdminPolicy);
        (await state.SyncIdOfAsync("policies", defaults.PublicPolicy!)).Should().Be(Placeholders.PublicPolicy);
    }

    [Fact]
    public async Task Should_write_the_new_items_and_keep_the_old_maps_When_pulling_again_after_the_items_were_replaced()
    {
        // e2e #2 (pull-with-new-data), on the shared instance: assertions on this test's own items.
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var engine = new DirectusSyncEngine(client);
        using var temp = new TempFolder();
        var options = new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false };
        var first = await ScenarioItems.CreateOneInEachCollectionAsync(client, SampleConfiguration.NewSuffix());
        await engine.PullAsync(options);
        var firstFiles = DumpComparer.Read(temp.Path);
        var firstIds = await state.SyncIdsAsync(first);
        await ScenarioItems.DeleteAsync(client, first);
        var second = await ScenarioItems.CreateOneInEachCollectionAsync(client, SampleConfiguration.NewSuffix());

        // When
        var result = await engine.PullAsync(options);

        // Then
        result.ItemCounts.Keys.Should().BeEquivalentTo(SystemCollections.Names);
        var secondIds = await state.SyncIdsAsync(second);
        secondIds.Keys.Should().BeEquivalentTo(ScenarioItems.CustomCollections, "every new item is mapped by the second pull");
        var dump = new ScenarioDump(temp.Path);
        foreach (var collection in ScenarioItems.CustomCollections)
        {
            dump.Find(collection, secondIds[collection]).Should().NotBeNull($"the new {collection} item is dumped");
            dump.Find(collection, firstIds[collection]).Should().BeNull($"the deleted {collection} item is gone from the dump");
            (await state.MapsAsync(collection)).Should().Contain(m => m.SyncId == firstIds[collection] && m.LocalId == first[collection],
                "a pull does not purge dangling maps (as in the reference); the next push removes them");
        }

        var secondFiles = DumpComparer.Read(temp.Path);
        secondFiles.Keys.Should().BeEquivalentTo(firstFiles.Keys);
        foreach (var (file, text) in firstFiles)
        {
            secondFiles[file].Should().NotBe(text, $"{file} changed with the data");
        }

        // Tidy up the shared instance: other tests' plans should not carry these dangling maps.
        foreach (var (collection, syncId) in firstIds)
        {
            await state.IdMaps.DeleteBySyncIdAsync(collection, syncId);
        }
    }

    [Fact]
    public async Task Should_dump_only_the_defaults_and_change_nothing_When_pulling_diffing_and_pushing_a_bare_instance()
    {
        // e2e #3, #4, #5, #6 (without-data), on one fresh instance.
        // Given
        await using var instance = await DirectusInstance.StartAsync($"bare-{SampleConfiguration.NewSuffix()}");
        using var client = instance.CreateClient();
        var state = new ServerState(client);
        var engine = new DirectusSyncEngine(client);
        using var temp = new TempFolder();
        var options = new SyncOptions { DumpPath = temp.Path, Specs = false };
        var activityBefore = await state.ActivityCountAsync();

        // When
        var pull = await engine.PullAsync(options);
        var afterPull = await state.CustomItemCountsAsync();
        var activityAfterPull = await state.ActivityCountAsync();
        var diff = await engine.DiffAsync(options);
        var push = await engine.PushAsync(options);

        // Then
        // e2e #3: all 11 collection files exist and hold only the defaults.
        var dump = new ScenarioDump(temp.Path);
        dump.FilesUnder("collections").Should().BeEquivalentTo(SystemCollections.Names.Select(n => n + ".json"));
        var defaults = new Dictionary<string, string[]>
        {
            ["settings"] = [Placeholders.Settings],
            ["roles"] = [Placeholders.AdminRole],
            ["policies"] = [Placeholders.AdminPolicy, Placeholders.PublicPolicy],
        };
        foreach (var collection in SystemCollections.Names)
        {
            dump.Read(collection).Select(i => i.Value<string>("_syncId")).Should()
                .BeEquivalentTo(defaults.GetValueOrDefault(collection) ?? [], $"{collection}.json holds the defaults only");
        }

        pull.ItemCounts.Values.Sum().Should().Be(4);

        // e2e #4: the pull wrote no item (only id maps, which Directus does not record as activity).
        afterPull.Values.Should().AllSatisfy(n => n.Should().Be(0));
        activityAfterPull.Should().Be(activityBefore);

        // e2e #5: no schema change, nothing to do; the defaults are unchanged.
        diff.Plan.Schema.Should().BeNull();
        diff.Plan.Operations.Should().BeEmpty();
        diff.Plan.Summaries.Select(s => s.Collection).Should().Equal(SystemCollections.Names);
        foreach (var summary in diff.Plan.Summaries)
        {
            (summary.Dangling, summary.ToCreate, summary.ToUpdate, summary.ToDelete).Should().Be((0, 0, 0, 0), summary.Collection);
            summary.Unchanged.Should().Be(defaults.GetValueOrDefault(summary.Collection)?.Length ?? 0, $"{summary.Collection} unchanged");
        }

        // e2e #6: the push changes nothing.
        push.SchemaApplied.Should().BeFalse();
        push.Counts.Values.Should().AllSatisfy(c => (c.Created, c.Updated, c.Deleted, c.DanglingRemoved).Should().Be((0, 0, 0, 0)));
        (await state.CustomItemCountsAsync()).Values.Should().AllSatisfy(n => n.Should().Be(0));
        (await state.ActivityCountAsync()).Should().Be(activityBefore);
    }

    [Fact]
    public async Task Should_write_every_object_key_in_localeCompare_order_When_pulling_with_sort_json()
    {
        // e2e #7 (sort-json). The reference pulls a bare instance, whose snapshot is info.json alone; we pull
        // the shared instance (many collections, fields and relations) and check the collection files too.
        // Given
        using var client = fixture.Instance.CreateClient();
        await ScenarioItems.CreateOneInEachCollectionAsync(client, SampleConfiguration.NewSuffix());
        using var temp = new TempFolder();

        // When
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, SortJson = true });

        // Then
        var dump = new ScenarioDump(temp.Path);
        dump.FilesUnder("snapshot").Should().Contain(f => f.StartsWith("fields/", StringComparison.Ordinal), "the check is not vacuous");
        foreach (var part in new[] { "snapshot", "collections" })
        {
            foreach (var file in dump.FilesUnder(part))
            {
                var json = JToken.Parse(File.ReadAllText(Path.Combine(temp.Path, part, file)));
                foreach (var obj in ((JContainer)json).DescendantsAndSelf().OfType<JObject>())
                {
                    var keys = obj.Properties().Select(p => p.Name).ToList();
                    keys.Should().BeInAscendingOrder(JsLocaleComparer.Instance, $"{part}/{file} is sorted ({obj.Path})");
                }
            }
        }
    }
}
