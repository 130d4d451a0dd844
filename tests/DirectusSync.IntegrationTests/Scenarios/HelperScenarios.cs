using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Scenarios.Support;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios;

/// <summary>
/// The reference's e2e section K, through <see cref="IdMapClient"/> (what the CLI's helpers call):
/// <c>remove-permission-duplicates</c> and <c>untrack</c>. #64 (<c>wait-server-ready</c>) is a CLI command.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class HelperScenarios(DirectusFixture fixture)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_delete_all_but_the_kept_permission_of_each_group_When_removing_permission_duplicates(bool keepLast)
    {
        // e2e #60 (keep last) and #61 (keep first). The reference checks its log lines; we check the
        // extension's answer and what is left on the server.
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var (withRole, withoutRole) = await CreatePoliciesAsync(client);
        var update1 = await CreatePermissionAsync(client, withRole, "update");
        var update2 = await CreatePermissionAsync(client, withRole, "update");
        var create = await CreatePermissionAsync(client, withRole, "create");
        var delete1 = await CreatePermissionAsync(client, withoutRole, "delete");
        var delete2 = await CreatePermissionAsync(client, withoutRole, "delete");
        var read = await CreatePermissionAsync(client, withoutRole, "read");

        // When
        var answer = await state.IdMaps.RemovePermissionDuplicatesAsync(keepLast);

        // Then
        var (keptUpdate, goneUpdate) = keepLast ? (update2, update1) : (update1, update2);
        var (keptDelete, goneDelete) = keepLast ? (delete2, delete1) : (delete1, delete2);
        Deleted(answer, withRole, withoutRole).Should().BeEquivalentTo(
            [(withRole, "directus_panels", "update", goneUpdate), (withoutRole, "directus_panels", "delete", goneDelete)]);
        (await PermissionIdsAsync(state, withRole, withoutRole)).Should().BeEquivalentTo([keptUpdate, create, keptDelete, read]);
    }

    [Fact]
    public async Task Should_delete_nothing_When_removing_permission_duplicates_and_there_are_none()
    {
        // e2e #62 (no duplicates).
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var (withRole, withoutRole) = await CreatePoliciesAsync(client);
        var ids = new List<string>
        {
            await CreatePermissionAsync(client, withRole, "update"),
            await CreatePermissionAsync(client, withRole, "create"),
            await CreatePermissionAsync(client, withoutRole, "delete"),
            await CreatePermissionAsync(client, withoutRole, "read"),
        };

        // When
        var answer = await state.IdMaps.RemovePermissionDuplicatesAsync(keepLast: false);

        // Then
        Deleted(answer, withRole, withoutRole).Should().BeEmpty();
        (await PermissionIdsAsync(state, withRole, withoutRole)).Should().BeEquivalentTo(ids);
    }

    [Fact]
    public async Task Should_remove_only_that_map_and_keep_the_permission_When_untracking_a_permission()
    {
        // e2e #63 (untrack).
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var (withRole, withoutRole) = await CreatePoliciesAsync(client);
        var ids = new List<string>
        {
            await CreatePermissionAsync(client, withRole, "update"),
            await CreatePermissionAsync(client, withRole, "create"),
            await CreatePermissionAsync(client, withoutRole, "delete"),
            await CreatePermissionAsync(client, withoutRole, "read"),
        };
        using var temp = new TempFolder();
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false });
        var mapsBefore = (await state.MapsAsync("permissions")).Count(m => ids.Contains(m.LocalId));

        // When
        await state.IdMaps.DeleteByLocalIdAsync("permissions", ids[0]);

        // Then
        mapsBefore.Should().Be(4);
        (await state.MapsAsync("permissions")).Where(m => ids.Contains(m.LocalId)).Select(m => m.LocalId)
            .Should().BeEquivalentTo(ids.Skip(1), "only the untracked permission lost its map");
        (await state.ItemAsync("permissions", ids[0])).Should().NotBeNull("untrack does not delete the item");
    }

    private static async Task<(string WithRole, string WithoutRole)> CreatePoliciesAsync(DirectusClient client)
    {
        var suffix = SampleConfiguration.NewSuffix();
        var role = await ScenarioItems.CreateAsync(client, "/roles", new JObject { ["name"] = $"Role {suffix}" });
        var withRole = await ScenarioItems.CreateAsync(client, "/policies", new JObject
        {
            ["name"] = $"With role {suffix}", ["roles"] = new JArray(new JObject { ["role"] = role, ["sort"] = 1 }),
        });
        var withoutRole = await ScenarioItems.CreateAsync(client, "/policies", new JObject { ["name"] = $"Without role {suffix}" });
        return (withRole, withoutRole);
    }

    private static Task<string> CreatePermissionAsync(DirectusClient client, string policy, string action) =>
        ScenarioItems.CreateAsync(client, "/permissions", new JObject
        {
            ["policy"] = policy, ["collection"] = "directus_panels", ["action"] = action, ["fields"] = new JArray("*"),
        });

    private static async Task<IReadOnlyList<string>> PermissionIdsAsync(ServerState state, params string[] policies) =>
        (await state.ItemsAsync("permissions", $"limit=-1&filter[policy][_in]={string.Join(",", policies)}"))
        .Select(p => p["id"]!.ToString()).ToList();

    /// <summary>The extension's answer, {deletedPermissions: [{policy, collection, action, ids}]}, for the given policies.</summary>
    private static IReadOnlyList<(string Policy, string Collection, string Action, string Id)> Deleted(JToken? answer, params string[] policies) =>
        ((answer?["deletedPermissions"] as JArray) ?? [])
        .Where(g => policies.Contains(g["policy"]!.ToString()))
        .SelectMany(g => ((JArray)g["ids"]!).Select(id => (g["policy"]!.ToString(), g["collection"]!.ToString(), g["action"]!.ToString(), id.ToString())))
        .ToList();
}
