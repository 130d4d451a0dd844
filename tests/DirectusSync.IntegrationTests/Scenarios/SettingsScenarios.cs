using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Scenarios.Support;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios;

/// <summary>The reference's e2e section F: the default rows and the settings, and what the settings point at.</summary>
[Collection(DirectusCollection.Name)]
public sealed class SettingsScenarios(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_update_the_default_role_and_policies_in_place_When_pushing_changed_defaults_to_an_instance_without_id_maps()
    {
        // e2e #30 (update-default-data). The reference's fixture default-updated comes from another instance and
        // meets a target with an empty id map; we pull a fresh instance, empty its id map, and edit the defaults.
        // Given
        await using var instance = await DirectusInstance.StartAsync($"defaults-{SampleConfiguration.NewSuffix()}");
        using var client = instance.CreateClient();
        var state = new ServerState(client);
        var engine = new DirectusSyncEngine(client);
        using var temp = new TempFolder();
        var options = new SyncOptions { DumpPath = temp.Path, Specs = false };
        await engine.PullAsync(options);
        foreach (var collection in SystemCollections.Names)
        {
            foreach (var map in await state.MapsAsync(collection))
            {
                await state.IdMaps.DeleteBySyncIdAsync(collection, map.SyncId);
            }
        }

        var defaults = await state.DefaultsAsync();
        var dump = new ScenarioDump(temp.Path);
        dump.Edit("roles", Placeholders.AdminRole, r => r["name"] = "Administrator (updated)");
        dump.Edit("policies", Placeholders.AdminPolicy, p => { p["name"] = "Administrator (updated)"; p["enforce_tfa"] = true; });
        dump.Edit("policies", Placeholders.PublicPolicy, p => p["name"] = "Public (updated)");

        // When
        var diff = await engine.DiffAsync(options);
        var mapsAfterDiff = await state.MapCountAsync();
        var push = await engine.PushAsync(options);

        // Then
        foreach (var summary in diff.Plan.Summaries)
        {
            var expected = summary.Collection switch { "roles" => (0, 0, 1, 0), "policies" => (0, 0, 2, 0), _ => (0, 0, 0, 0) };
            (summary.Dangling, summary.ToCreate, summary.ToUpdate, summary.ToDelete).Should().Be(expected, summary.Collection);
        }

        diff.Plan.Summaries.Single(s => s.Collection == "settings").Unchanged.Should().Be(1);
        diff.Plan.Operations.OfType<CreateIdMap>().Select(m => (m.SyncId, m.LocalId)).Should().BeEquivalentTo(
            [(Placeholders.AdminRole, defaults.AdminRole), (Placeholders.AdminPolicy, defaults.AdminPolicy),
             (Placeholders.PublicPolicy, defaults.PublicPolicy), (Placeholders.Settings, defaults.Settings)],
            "the defaults are met through their placeholders");
        mapsAfterDiff.Should().Be(0, "our diff writes nothing; the reference's diff creates the placeholder maps it looks up");
        (push.Counts["roles"].Updated, push.Counts["policies"].Updated, push.Counts["settings"].Updated).Should().Be((1, 2, 0));
        push.Counts.Values.Should().AllSatisfy(c => (c.Created, c.Deleted).Should().Be((0, 0)));

        var roles = await state.ItemsAsync("roles");
        roles.Should().ContainSingle().Which["id"]!.ToString().Should().Be(defaults.AdminRole);
        roles[0]["name"]!.ToString().Should().Be("Administrator (updated)");
        var policies = (await state.ItemsAsync("policies")).ToDictionary(p => p["id"]!.ToString());
        policies.Keys.Should().BeEquivalentTo([defaults.AdminPolicy, defaults.PublicPolicy], "updated in place, nothing created");
        (policies[defaults.AdminPolicy!]["name"]!.ToString(), policies[defaults.AdminPolicy!]["enforce_tfa"]!.Value<bool>())
            .Should().Be(("Administrator (updated)", true));
        policies[defaults.PublicPolicy!]["name"]!.ToString().Should().Be("Public (updated)");
        (await state.MapsAsync("roles")).Select(m => (m.SyncId, m.LocalId)).Should().Equal([(Placeholders.AdminRole, defaults.AdminRole!)]);
    }

    [Fact]
    public async Task Should_create_the_folder_then_point_the_settings_at_it_When_the_dump_sets_a_new_default_folder()
    {
        // e2e #31 (settings → folder dependency): settings come first in the reference's order, the folder later.
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false });
        var folder = DumpItems.NewSyncId();
        var dump = new ScenarioDump(temp.Path);
        dump.Append("folders", DumpItems.Folder(folder, $"Default folder {SampleConfiguration.NewSuffix()}"));
        dump.Edit("settings", Placeholders.Settings, s => s["storage_default_folder"] = folder);

        // When
        var push = await engine.PushAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false });

        // Then
        (push.Counts["folders"].Created, push.Counts["settings"].Updated).Should().Be((1, 1));
        var state = new ServerState(client);
        (await state.SettingsAsync())["storage_default_folder"]!.ToString().Should().Be(folder, "folders keep their sync id as id");
        (await state.ItemAsync("folders", folder)).Should().NotBeNull();
    }

    [Fact]
    public async Task Should_create_the_role_then_point_the_settings_at_it_When_the_dump_sets_a_new_registration_role()
    {
        // e2e #32 (settings → role dependency).
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false });
        var role = DumpItems.NewSyncId();
        var dump = new ScenarioDump(temp.Path);
        dump.Append("roles", DumpItems.Role(role, $"Registered {SampleConfiguration.NewSuffix()}"));
        dump.Edit("settings", Placeholders.Settings, s => s["public_registration_role"] = role);

        // When
        var push = await engine.PushAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false });

        // Then
        (push.Counts["roles"].Created, push.Counts["settings"].Updated).Should().Be((1, 1));
        var state = new ServerState(client);
        var localRole = await state.LocalIdOfAsync("roles", role);
        localRole.Should().NotBeNull();
        (await state.SettingsAsync())["public_registration_role"]!.ToString().Should().Be(localRole);
    }
}
