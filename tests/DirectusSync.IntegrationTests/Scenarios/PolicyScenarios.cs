using DirectusSync.Core.Model;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Scenarios.Support;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios;

/// <summary>The reference's e2e section E: permissions, policies and their role and user attachments.</summary>
[Collection(DirectusCollection.Name)]
public sealed class PolicyScenarios(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_keep_one_permission_per_action_by_adopting_the_hand_made_twins_When_pushing_permissions_that_were_recreated_by_hand()
    {
        // e2e #22 (insert-duplicated-permissions). The reference creates the two tracked permissions anew, warns
        // "Found duplicate permissions … Deleting them." and deletes the hand-made twins (2 delete activities).
        // Deliberate difference: an unmapped permission with exactly the dumped content is adopted (mapped) instead,
        // which is how a push interrupted between a create and its id map is finished without a duplicate. The
        // outcome the scenario is about is the same: one permission per (policy, collection, action).
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var suffix = SampleConfiguration.NewSuffix();
        var role = await ScenarioItems.CreateAsync(client, "/roles", new JObject { ["name"] = $"Role {suffix}" });
        var withRole = await CreatePolicyAsync(client, $"With role {suffix}", role);
        var withoutRole = await CreatePolicyAsync(client, $"Without role {suffix}");
        var update = await CreatePermissionAsync(client, withRole, "update");
        var delete = await CreatePermissionAsync(client, withoutRole, "delete");
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false });
        var updateSyncId = await state.SyncIdOfAsync("permissions", update);
        var deleteSyncId = await state.SyncIdOfAsync("permissions", delete);
        await client.DeleteAsync($"/permissions/{update}");
        await client.DeleteAsync($"/permissions/{delete}");
        var duplicateUpdate = await CreatePermissionAsync(client, withRole, "update");
        var duplicateDelete = await CreatePermissionAsync(client, withoutRole, "delete");
        var read = await CreatePermissionAsync(client, withRole, "read");
        var create = await CreatePermissionAsync(client, withoutRole, "create");

        // When
        var push = await engine.PushAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false });

        // Then
        push.Counts["permissions"].Created.Should().Be(0, "the hand-made twins of the two tracked permissions are adopted");
        var left = await PermissionsOfAsync(state, withRole, withoutRole);
        left.Select(p => (p["policy"]!.ToString(), p["action"]!.ToString())).Should().BeEquivalentTo(
            [(withRole, "update"), (withoutRole, "delete"), (withRole, "read"), (withoutRole, "create")],
            "one permission per (policy, collection, action): the duplicates made by hand are gone");
        var ids = left.Select(p => p["id"]!.ToString()).ToList();
        ids.Should().Contain([read, create], "untracked permissions that duplicate nothing stay");
        (await state.LocalIdOfAsync("permissions", updateSyncId!)).Should().Be(duplicateUpdate);
        (await state.LocalIdOfAsync("permissions", deleteSyncId!)).Should().Be(duplicateDelete);
    }

    [Fact]
    public async Task Should_dump_the_permissions_of_a_policy_without_role_When_pulling()
    {
        // e2e #23 (public permissions: pull).
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var suffix = SampleConfiguration.NewSuffix();
        var policy = await CreatePolicyAsync(client, $"Public-like {suffix}");
        var delete = await CreatePermissionAsync(client, policy, "delete");
        var read = await CreatePermissionAsync(client, policy, "read");
        using var temp = new TempFolder();

        // When
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false });

        // Then
        var dump = new ScenarioDump(temp.Path);
        var policySyncId = (await state.SyncIdOfAsync("policies", policy))!;
        dump.Item("policies", policySyncId)["roles"].ShouldEqualJson(new JArray());
        foreach (var (id, action) in new[] { (delete, "delete"), (read, "read") })
        {
            var syncId = (await state.SyncIdOfAsync("permissions", id))!;
            dump.Item("permissions", syncId).ShouldEqualJson(new JObject
            {
                ["collection"] = "directus_panels", ["action"] = action, ["permissions"] = null, ["validation"] = null,
                ["presets"] = null, ["fields"] = new JArray("*"), ["policy"] = policySyncId, ["_syncId"] = syncId,
            });
        }
    }

    [Fact]
    public async Task Should_create_the_permissions_on_the_target_public_policy_When_pushing_permissions_of_the_default_public_policy()
    {
        // e2e #24 (public permissions: push). The reference pushes its fixture to a bare instance, whose public
        // policy has no id map yet: we untrack it after the pull to get there. The reference does not check
        // which policy the permissions land on; we do.
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var publicPolicy = (await state.DefaultsAsync()).PublicPolicy!;
        var existing = (await PermissionsOfAsync(state, publicPolicy)).Select(p => p["id"]!.ToString()).ToList();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false });
        await state.IdMaps.DeleteBySyncIdAsync("policies", Placeholders.PublicPolicy);
        var dump = new ScenarioDump(temp.Path);
        dump.Append("permissions",
            DumpItems.Permission(DumpItems.NewSyncId(), Placeholders.PublicPolicy, "directus_panels", "delete"),
            DumpItems.Permission(DumpItems.NewSyncId(), Placeholders.PublicPolicy, "directus_panels", "read"));

        // When
        var push = await engine.PushAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false });

        // Then
        push.Counts["permissions"].Created.Should().Be(2);
        (await state.LocalIdOfAsync("policies", Placeholders.PublicPolicy)).Should().Be(publicPolicy, "the public policy is mapped through its placeholder");
        var created = (await PermissionsOfAsync(state, publicPolicy)).Where(p => !existing.Contains(p["id"]!.ToString())).ToList();
        created.Select(p => (p["collection"]!.ToString(), p["action"]!.ToString()))
            .Should().BeEquivalentTo([("directus_panels", "delete"), ("directus_panels", "read")]);
    }

    [Fact]
    public async Task Should_keep_a_user_attachment_of_the_policy_When_pushing_a_policy_whose_role_attachments_changed()
    {
        // e2e #25 (user policy assignment kept). The reference's push leaves the policy unchanged; we also
        // change its role attachment in the dump, so that the push rewrites the policy's access rows.
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var suffix = SampleConfiguration.NewSuffix();
        var role = await ScenarioItems.CreateAsync(client, "/roles", new JObject { ["name"] = $"Role {suffix}" });
        var policy = await CreatePolicyAsync(client, $"Policy {suffix}", role);
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false });
        var user = await CreateUserWithPolicyAsync(client, suffix, policy);
        try
        {
            var roleSyncId = (await state.SyncIdOfAsync("roles", role))!;
            new ScenarioDump(temp.Path).Edit("policies", (await state.SyncIdOfAsync("policies", policy))!,
                p => p["roles"] = new JArray(new JObject { ["role"] = roleSyncId, ["sort"] = 5 }));

            // When
            var push = await engine.PushAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false });

            // Then
            push.Counts["policies"].Updated.Should().Be(1);
            (await state.AccessesAsync(policy)).Should().BeEquivalentTo([(role, (string?)null, (int?)5), ((string?)null, user, (int?)null)]);
            var userPolicies = (JObject)(await client.GetAsync($"/users/{user}?fields[]=policies.policy"))!;
            userPolicies["policies"]!.Select(a => a["policy"]!.ToString()).Should().Equal(policy);
        }
        finally
        {
            await DeleteUserAsync(client, user);
        }
    }

    [Fact]
    public async Task Should_leave_user_attachments_out_of_the_dump_When_pulling_a_policy_attached_to_a_role_and_a_user()
    {
        // e2e #26 (user accesses not dumped).
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var suffix = SampleConfiguration.NewSuffix();
        var role = await ScenarioItems.CreateAsync(client, "/roles", new JObject { ["name"] = $"Role {suffix}" });
        var policy = await CreatePolicyAsync(client, $"Policy {suffix}", role);
        var user = await CreateUserWithPolicyAsync(client, suffix, policy);
        using var temp = new TempFolder();
        try
        {
            // When
            await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false });

            // Then
            var dumped = new ScenarioDump(temp.Path).Item("policies", (await state.SyncIdOfAsync("policies", policy))!);
            dumped["roles"].ShouldEqualJson(new JArray(new JObject { ["role"] = await state.SyncIdOfAsync("roles", role), ["user"] = null, ["sort"] = 1 }),
                "the role attachment is dumped, the user's is not");
        }
        finally
        {
            await DeleteUserAsync(client, user);
        }
    }

    [Fact]
    public async Task Should_restore_the_dumped_role_attachments_When_they_were_added_changed_and_removed_on_the_server()
    {
        // e2e #27 (role-policy assignment changes): the dump is authoritative.
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var suffix = SampleConfiguration.NewSuffix();
        var roles = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            roles.Add(await ScenarioItems.CreateAsync(client, "/roles", new JObject { ["name"] = $"Role {i} {suffix}" }));
        }

        var policy = await CreatePolicyAsync(client, $"Policy {suffix}", (roles[0], 1), (roles[1], 2));
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false });
        await ChangeAccessesAsync(client, policy, add: (roles[2], 3), resort: (roles[1], 20), remove: roles[0]);

        // When
        var push = await engine.PushAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false });

        // Then
        push.Counts["policies"].Updated.Should().Be(1);
        (await state.AccessesAsync(policy)).Should().BeEquivalentTo([(roles[0], (string?)null, (int?)1), (roles[1], (string?)null, (int?)2)]);
    }

    [Fact]
    public async Task Should_leave_the_role_attachments_alone_When_pushing_without_syncing_policy_roles()
    {
        // e2e #28 (--no-sync-policy-roles on push, reference issue #199).
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var suffix = SampleConfiguration.NewSuffix();
        var roles = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            roles.Add(await ScenarioItems.CreateAsync(client, "/roles", new JObject { ["name"] = $"Role {i} {suffix}" }));
        }

        var policy = await CreatePolicyAsync(client, $"Policy {suffix}", (roles[0], 1), (roles[1], 2));
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false });
        await ChangeAccessesAsync(client, policy, add: (roles[2], 3), resort: null, remove: roles[0]);

        // When
        var push = await engine.PushAsync(new SyncOptions { DumpPath = temp.Path, Snapshot = false, SyncPolicyRoles = false });

        // Then
        push.Counts["policies"].Updated.Should().Be(0);
        (await state.AccessesAsync(policy)).Select(a => a.Role).Should().BeEquivalentTo([roles[1], roles[2]]);
    }

    [Fact]
    public async Task Should_dump_policies_without_roles_When_pulling_without_syncing_policy_roles()
    {
        // e2e #29 (--no-sync-policy-roles on pull): the reference accepts roles absent or []; we leave the key out.
        // Given
        using var client = fixture.Instance.CreateClient();
        var state = new ServerState(client);
        var suffix = SampleConfiguration.NewSuffix();
        var role = await ScenarioItems.CreateAsync(client, "/roles", new JObject { ["name"] = $"Role {suffix}" });
        var policy = await CreatePolicyAsync(client, $"Policy {suffix}", role);
        using var temp = new TempFolder();

        // When
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions
        {
            DumpPath = temp.Path, Specs = false, Snapshot = false, SyncPolicyRoles = false,
        });

        // Then
        var policies = new ScenarioDump(temp.Path).Read("policies").OfType<JObject>().ToList();
        policies.Should().ContainSingle(p => p.Value<string>("name") == $"Policy {suffix}")
            .Which.Should().NotContainKey("roles");
        policies.Should().AllSatisfy(p => p.Should().NotContainKey("roles"));
        (await state.SyncIdOfAsync("policies", policy)).Should().NotBeNull();
    }

    private static Task<string> CreatePolicyAsync(DirectusClient client, string name, string role) =>
        CreatePolicyAsync(client, name, (role, 1));

    private static Task<string> CreatePolicyAsync(DirectusClient client, string name, params (string Role, int Sort)[] roles) =>
        ScenarioItems.CreateAsync(client, "/policies", new JObject
        {
            ["name"] = name, ["icon"] = "badge", ["admin_access"] = false, ["app_access"] = false,
            ["roles"] = new JArray(roles.Select(r => new JObject { ["role"] = r.Role, ["sort"] = r.Sort })),
        });

    private static Task<string> CreatePermissionAsync(DirectusClient client, string policy, string action, string collection = "directus_panels") =>
        ScenarioItems.CreateAsync(client, "/permissions", new JObject
        {
            ["policy"] = policy, ["collection"] = collection, ["action"] = action, ["fields"] = new JArray("*"),
        });

    private static Task<string> CreateUserWithPolicyAsync(DirectusClient client, string suffix, string policy) =>
        ScenarioItems.CreateAsync(client, "/users", new JObject
        {
            ["email"] = $"user-{suffix}@example.com",
            ["policies"] = new JArray(new JObject { ["policy"] = policy }),
        });

    /// <summary>
    /// Deletes a user (and with it its access rows). The shared instance must not keep user-attached policies:
    /// directus-sync 3.4.1, the parity oracle of other tests, dumps their access rows and may take such a
    /// policy for the public one.
    /// </summary>
    private static Task DeleteUserAsync(DirectusClient client, string user) => client.DeleteAsync($"/users/{user}");

    private static async Task<IReadOnlyList<JObject>> PermissionsOfAsync(ServerState state, params string[] policies) =>
        await state.ItemsAsync("permissions", $"limit=-1&filter[policy][_in]={string.Join(",", policies)}");

    /// <summary>Adds, re-sorts and removes access rows of a policy through REST.</summary>
    private static async Task ChangeAccessesAsync(DirectusClient client, string policy, (string Role, int Sort) add, (string Role, int Sort)? resort, string remove)
    {
        var rows = ((JArray)((JObject)(await client.GetAsync($"/policies/{policy}?fields[]=roles.id&fields[]=roles.role"))!)["roles"]!).OfType<JObject>().ToList();
        string AccessOf(string role) => rows.Single(r => r["role"]?.ToString() == role)["id"]!.ToString();
        var update = new JArray();
        if (resort is { } r)
        {
            update.Add(new JObject { ["id"] = AccessOf(r.Role), ["sort"] = r.Sort });
        }

        await client.PatchAsync($"/policies/{policy}", new JObject
        {
            ["roles"] = new JObject
            {
                ["create"] = new JArray(new JObject { ["role"] = add.Role, ["sort"] = add.Sort }),
                ["update"] = update,
                ["delete"] = new JArray(AccessOf(remove)),
            },
        });
    }
}
