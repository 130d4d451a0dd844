using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Sync;

/// <summary>
/// <c>--id-maps derived</c>: pull, diff and push against Directus servers that do not have directus-extension-sync,
/// and a project moving between the modes without any item being recreated. Each version on instances of its own.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class ExtensionlessModeTests
{
    private static readonly string[] TrackedEndpoints = ["/roles", "/policies", "/permissions", "/presets", "/flows", "/operations", "/dashboards", "/panels", "/folders", "/translations"];

    [Theory]
    [InlineData("11.17.4")]
    [InlineData("12.4.0")]
    public async Task Should_push_into_an_empty_instance_diff_clean_and_create_nothing_on_a_second_run_When_no_instance_has_the_extension(string version)
    {
        // Given a configured source and an empty target, neither with the extension, and a dump pulled without it
        var suffix = SampleConfiguration.NewSuffix();
        var name = $"xl-{version.Replace('.', '-')}-{suffix}";
        await using var source = await DirectusInstance.StartAsync($"{name}-src", version, withExtension: false);
        await using var target = await DirectusInstance.StartAsync($"{name}-dst", version, withExtension: false);
        using var sourceClient = source.CreateClient();
        var sample = new SampleConfiguration(sourceClient, suffix);
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync(customPermissionRules: version.StartsWith("11", StringComparison.Ordinal));
        using var temp = new TempFolder();
        var options = new SyncOptions { DumpPath = temp.Combine("dump"), IdMaps = IdMapMode.Derived };
        await new DirectusSyncEngine(sourceClient).PullAsync(options);

        // When the dump is pushed into the empty target
        using var targetClient = target.CreateClient();
        var first = await new PushWorkflow(new DirectusSyncEngine(targetClient)).RunAsync(new PushRequest(options));

        // Then the target matches the dump, and a pull from it writes the source's dump byte for byte
        first.Planned.Plan.Operations.Should().Contain(o => o is CreateItem, "the target was empty");
        first.Planned.Plan.Operations.Should().NotContain(o => o is CreateIdMap || o is DeleteIdMap, "no map is stored without the extension");
        var diff = await new DirectusSyncEngine(targetClient).DiffAsync(options);
        diff.Plan.HasDrift.Should().BeFalse(string.Join("\n", diff.Plan.Operations.Select(o => o.ToString())));
        var pulledBack = options with { DumpPath = temp.Combine("pulled-back") };
        await new DirectusSyncEngine(targetClient).PullAsync(pulledBack);
        DumpComparer.Read(pulledBack.DumpPath).Where(f => f.Key.StartsWith("collections/", StringComparison.Ordinal))
            .Should().Equal(DumpComparer.Read(options.DumpPath).Where(f => f.Key.StartsWith("collections/", StringComparison.Ordinal)),
                "every item has the same sync id on both instances");

        // And a second runner, with a fresh copy of the dump and a client of its own, pushes and creates nothing
        var clone = temp.CopyOf(options.DumpPath, "clone");
        var idsBefore = await IdsAsync(targetClient);
        using var secondRunner = target.CreateClient();
        var second = await new PushWorkflow(new DirectusSyncEngine(secondRunner)).RunAsync(new PushRequest(options with { DumpPath = clone }));
        second.Planned.Plan.Operations.Should().NotContain(o => o is CreateItem || o is DeleteItem || o is UpdateItem);
        (await IdsAsync(targetClient)).Should().BeEquivalentTo(idsBefore);
    }

    [Theory]
    [InlineData("11.17.4")]
    [InlineData("12.4.0")]
    public async Task Should_keep_every_item_and_its_id_When_a_project_moves_from_the_extensions_table_to_derived_and_back(string version)
    {
        // Given a project using the extension's table, with --id-maps auto (the extension answers on both instances):
        // a source pulled and pushed to a target
        var suffix = SampleConfiguration.NewSuffix();
        var name = $"xl-move-{version.Replace('.', '-')}-{suffix}";
        await using var source = await DirectusInstance.StartAsync($"{name}-src", version);
        await using var target = await DirectusInstance.StartAsync($"{name}-dst", version);
        using var sourceClient = source.CreateClient();
        using var targetClient = target.CreateClient();
        var sample = new SampleConfiguration(sourceClient, suffix);
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync(customPermissionRules: version.StartsWith("11", StringComparison.Ordinal));
        using var temp = new TempFolder();
        var extension = new SyncOptions { DumpPath = temp.Combine("dump"), IdMaps = IdMapMode.Auto };
        var pulled0 = await new DirectusSyncEngine(sourceClient).PullAsync(extension);
        pulled0.IdMaps.Should().Be(IdMapMode.Extension, "auto takes the extension's table when it answers");
        await new PushWorkflow(new DirectusSyncEngine(targetClient)).RunAsync(new PushRequest(extension));
        var targetIds = await IdsAsync(targetClient);
        var sourceIds = await IdsAsync(sourceClient);

        // When the project switches to derived id maps
        var derived = extension with { IdMaps = IdMapMode.Derived };
        var diff = await new DirectusSyncEngine(targetClient).DiffAsync(derived);
        var push = await new PushWorkflow(new DirectusSyncEngine(targetClient)).RunAsync(new PushRequest(derived));
        var pulled = derived with { DumpPath = temp.Combine("derived-pull") };
        await new DirectusSyncEngine(sourceClient).PullAsync(pulled);

        // Then nothing is planned on the target, and the source's dump is the same in both modes
        diff.Plan.HasDrift.Should().BeFalse(string.Join("\n", diff.Plan.Operations.Select(o => o.ToString())));
        push.Planned.Plan.Operations.Should().BeEmpty();
        DumpComparer.Read(pulled.DumpPath).Should().Equal(DumpComparer.Read(extension.DumpPath));

        // And when it switches back to the extension's table (auto, the extension answers), with a role added meanwhile
        var role = await sourceClient.PostAsync("/roles", JObject.FromObject(new { name = $"Reviewer {suffix}" }));
        await new DirectusSyncEngine(sourceClient).PullAsync(derived);
        await new PushWorkflow(new DirectusSyncEngine(targetClient)).RunAsync(new PushRequest(derived));
        var back = await new PushWorkflow(new DirectusSyncEngine(targetClient)).RunAsync(new PushRequest(extension));
        var pulledInExtensionMode = extension with { DumpPath = temp.Combine("extension-pull") };
        await new DirectusSyncEngine(sourceClient).PullAsync(pulledInExtensionMode);

        // Then the new role is adopted through a map, nothing is created or deleted, no id changed
        back.Planned.IdMaps.Should().Be(IdMapMode.Extension);
        back.Planned.Plan.Operations.Should().NotContain(o => o is CreateItem || o is DeleteItem);
        back.Planned.Plan.Operations.OfType<CreateIdMap>().Should().ContainSingle().Which.SyncId.Should().Be(role!["id"]!.ToString());
        DumpComparer.Read(pulledInExtensionMode.DumpPath).Should().Equal(DumpComparer.Read(derived.DumpPath));
        var targetIdsAfter = await IdsAsync(targetClient);
        targetIdsAfter.Should().Contain(targetIds, "no item of the target was recreated");
        targetIdsAfter.Should().Contain(("/roles", role["id"]!.ToString()));
        (await IdsAsync(sourceClient)).Should().Contain(sourceIds);
    }

    [Theory]
    [InlineData("11.17.4")]
    [InlineData("12.4.0")]
    public async Task Should_map_every_item_without_recreating_any_When_the_extension_is_installed_on_an_instance_synced_without_it(string version)
    {
        // Given a target that was pushed to without the extension
        var suffix = SampleConfiguration.NewSuffix();
        var name = $"xl-in-{version.Replace('.', '-')}-{suffix}";
        await using var source = await DirectusInstance.StartAsync($"{name}-src", version, withExtension: false);
        var target = await DirectusInstance.StartAsync($"{name}-dst", version, withExtension: false);
        try
        {
            using var sourceClient = source.CreateClient();
            var sample = new SampleConfiguration(sourceClient, suffix);
            await sample.CreateSchemaAsync();
            await sample.CreateSystemItemsAsync(customPermissionRules: version.StartsWith("11", StringComparison.Ordinal));
            using var temp = new TempFolder();
            var derived = new SyncOptions { DumpPath = temp.Combine("dump"), IdMaps = IdMapMode.Derived };
            await new DirectusSyncEngine(sourceClient).PullAsync(derived);
            using (var client = target.CreateClient())
            {
                await new PushWorkflow(new DirectusSyncEngine(client)).RunAsync(new PushRequest(derived));
            }

            // When the extension is installed there, and the project pushes and pulls in extension mode
            await target.StopAsync();
            target = await DirectusInstance.StartAsync($"{name}-dst", version, fresh: false, withExtension: true);
            using var targetClient = target.CreateClient();
            var ids = await IdsAsync(targetClient);
            var extension = derived with { IdMaps = IdMapMode.Auto };
            var push = await new PushWorkflow(new DirectusSyncEngine(targetClient)).RunAsync(new PushRequest(extension));
            var pulled = extension with { DumpPath = temp.Combine("pulled") };
            await new DirectusSyncEngine(targetClient).PullAsync(pulled);

            // Then every item is mapped where it is; nothing is created, deleted or renamed
            push.Planned.Plan.Operations.Should().NotContain(o => o is CreateItem || o is DeleteItem);
            push.Planned.Plan.Operations.Should().Contain(o => o is CreateIdMap);
            (await IdsAsync(targetClient)).Should().BeEquivalentTo(ids);
            DumpComparer.Read(pulled.DumpPath).Where(f => f.Key.StartsWith("collections/", StringComparison.Ordinal))
                .Should().Equal(DumpComparer.Read(derived.DumpPath).Where(f => f.Key.StartsWith("collections/", StringComparison.Ordinal)));
        }
        finally
        {
            await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task Should_refuse_before_any_write_When_the_extension_knows_an_item_under_a_sync_id_that_is_not_its_id()
    {
        // Given a role the extension maps under a server-drawn sync id (as the reference does), and a dump naming it so
        var suffix = SampleConfiguration.NewSuffix();
        await using var instance = await DirectusInstance.StartAsync($"xl-refuse-{suffix}");
        using var client = instance.CreateClient();
        var role = await client.PostAsync("/roles", JObject.FromObject(new { name = $"Legacy {suffix}" }));
        var roleId = role!["id"]!.ToString();
        var drawn = Guid.NewGuid().ToString();
        await new IdMapClient(client).CreateAsync("roles", roleId, drawn);
        using var temp = new TempFolder();
        var extension = new SyncOptions { DumpPath = temp.Combine("dump"), Snapshot = false, OnlyCollections = ["roles"] };
        await new DirectusSyncEngine(client).PullAsync(extension);
        var derived = extension with { IdMaps = IdMapMode.Derived };

        // When
        var push = () => new PushWorkflow(new DirectusSyncEngine(client)).RunAsync(new PushRequest(derived) { Consent = DeletionConsent.Everything });
        var pull = () => new DirectusSyncEngine(client).PullAsync(derived with { DumpPath = temp.Combine("derived") });

        // Then both refuse, naming the flag and the item; the role is still there under its id, nothing was written
        (await push.Should().ThrowAsync<SyncOptionsException>()).Which.Message.Should().Contain("--id-maps").And.Contain($"item {roleId} is sync id {drawn}");
        (await pull.Should().ThrowAsync<SyncOptionsException>()).Which.Option.Should().Be("--id-maps");
        Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(temp.Combine("dump"), StringComparison.Ordinal)).Should().BeEmpty("the refused pull wrote nothing");
        var roles = (JArray)(await client.GetAsync($"/roles?filter[name][_eq]=Legacy {suffix}&fields=id"))!;
        roles.Should().ContainSingle().Which["id"]!.ToString().Should().Be(roleId);
    }

    [Theory]
    [InlineData("11.17.4")]
    [InlineData("12.4.0")]
    public async Task Should_refuse_auto_before_any_write_When_the_extension_is_installed_but_does_not_answer(string version)
    {
        // Given an instance whose directus-extension-sync is installed but disabled (as one that failed to load: listed, silent)
        var suffix = SampleConfiguration.NewSuffix();
        await using var instance = await DirectusInstance.StartAsync($"xl-silent-{suffix}", version);
        using var client = instance.CreateClient();
        var extensions = (JArray)(await client.GetAsync("/extensions"))!;
        var id = extensions.Single(e => e["schema"]?["name"]?.ToString() == "directus-extension-sync")["id"]!.ToString();
        await client.PatchAsync($"/extensions/{id}", JObject.Parse("""{"meta":{"enabled":false}}"""));
        (await new IdMapClient(client).IsInstalledAsync()).Should().BeFalse("a disabled extension does not answer");
        using var temp = new TempFolder();
        var auto = new SyncOptions { DumpPath = temp.Combine("dump"), Specs = false, IdMaps = IdMapMode.Auto };

        // When
        var pull = () => new DirectusSyncEngine(client).PullAsync(auto);

        // Then auto refuses, naming the flag and the extension, and writes nothing; derived, chosen explicitly, pulls
        var refused = (await pull.Should().ThrowAsync<SyncOptionsException>()).Which;
        refused.Option.Should().Be("--id-maps");
        refused.Message.Should().Contain("directus-extension-sync").And.Contain("disabled").And.Contain("Nothing was written");
        Directory.Exists(temp.Combine("dump")).Should().BeFalse("the refused pull wrote nothing");
        var derived = await new DirectusSyncEngine(client).PullAsync(auto with { IdMaps = IdMapMode.Derived });
        derived.IdMaps.Should().Be(IdMapMode.Derived);
    }

    /// <summary>(endpoint, id) of every item of the tracked collections (presets: the shared ones).</summary>
    private static async Task<List<(string Endpoint, string Id)>> IdsAsync(DirectusClient client)
    {
        var ids = new List<(string, string)>();
        foreach (var endpoint in TrackedEndpoints)
        {
            var filter = endpoint == "/presets" ? "&filter[user][_null]=true" : string.Empty;
            var items = (JArray)(await client.GetAsync($"{endpoint}?fields=id&limit=-1{filter}"))!;
            ids.AddRange(items.Where(i => i["id"] is { Type: not JTokenType.Null }).Select(i => (endpoint, i["id"]!.ToString())));
        }

        return ids;
    }
}
