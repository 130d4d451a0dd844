using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Sync;

/// <summary>A push that dies half-way leaves a state that a re-run completes, without duplicates.</summary>
[Collection(DirectusCollection.Name)]
public sealed class InterruptedPushTests(DirectusFixture fixture)
{
    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    public async Task Should_finish_without_duplicates_When_a_push_is_run_again_after_the_connection_dropped(int writesBeforeTheDrop)
    {
        // Given a dump of the sample, and an empty target whose connection drops after some writes
        using var source = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(source, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync();
        using var temp = new TempFolder();
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = temp.Path });
        await using var target = await DirectusInstance.StartAsync($"interrupted-{sample.Suffix}");
        using var failing = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = target.Url,
            Credentials = DirectusCredentials.FromToken(DirectusInstance.AdminToken),
            Handler = new DropConnectionsAfterWrites(writesBeforeTheDrop),
        });
        var interrupted = () => new DirectusSyncEngine(failing).PushAsync(new SyncOptions { DumpPath = temp.Path });
        await interrupted.Should().ThrowAsync<DirectusApiException>();

        // When
        using var client = target.CreateClient();
        var engine = new DirectusSyncEngine(client);
        await engine.PushAsync(new SyncOptions { DumpPath = temp.Path });

        // Then
        (await engine.DiffAsync(new SyncOptions { DumpPath = temp.Path })).Plan.IsEmpty.Should().BeTrue();
        var roles = (JArray)(await client.GetAsync($"/roles?filter[name][_eq]=Editor%20{sample.Suffix}"))!;
        roles.Should().HaveCount(1, "the re-run must not duplicate what the first run created");
        var permissions = (JArray)(await client.GetAsync($"/permissions?filter[collection][_eq]={sample.Articles}"))!;
        permissions.Should().HaveCount(2);
    }

    [Fact]
    public async Task Should_adopt_the_created_items_instead_of_duplicating_them_When_a_push_stopped_before_their_id_maps()
    {
        // Given a push that stopped after Directus created the dashboards and before any dashboard was mapped
        // (dashboards: uuid keys, ids not preserved by the reference, no default row with a placeholder map)
        using var source = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(source, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync();
        using var temp = new TempFolder();
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = temp.Path });
        await using var target = await DirectusInstance.StartAsync($"unmapped-{sample.Suffix}");
        using var failing = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = target.Url,
            Credentials = DirectusCredentials.FromToken(DirectusInstance.AdminToken),
            Handler = new DropIdMapWrites("dashboards"),
        });
        var interrupted = () => new DirectusSyncEngine(failing).PushAsync(new SyncOptions { DumpPath = temp.Path });
        await interrupted.Should().ThrowAsync<DirectusApiException>();
        using var client = target.CreateClient();
        var overview = $"/dashboards?filter[name][_eq]=Overview%20{sample.Suffix}";
        ((JArray)(await client.GetAsync(overview))!).Should().HaveCount(1, "the dashboard was created before the drop");

        // When
        var engine = new DirectusSyncEngine(client);
        await engine.PushAsync(new SyncOptions { DumpPath = temp.Path });

        // Then the dashboard is mapped, not created a second time
        ((JArray)(await client.GetAsync(overview))!).Should().HaveCount(1);
        (await engine.DiffAsync(new SyncOptions { DumpPath = temp.Path })).Plan.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task Should_adopt_the_created_preset_instead_of_duplicating_it_When_a_push_stopped_before_its_id_map()
    {
        // Given a push that stopped after Directus created the role preset and before it was mapped
        // (presets: integer keys Directus assigns, so the sync id cannot be the id as for uuid items)
        using var source = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(source, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync();
        using var temp = new TempFolder();
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = temp.Path });
        await using var target = await DirectusInstance.StartAsync($"unmapped-preset-{sample.Suffix}");
        using var failing = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = target.Url,
            Credentials = DirectusCredentials.FromToken(DirectusInstance.AdminToken),
            Handler = new DropIdMapWrites("presets"),
        });
        var interrupted = () => new DirectusSyncEngine(failing).PushAsync(new SyncOptions { DumpPath = temp.Path });
        await interrupted.Should().ThrowAsync<DirectusApiException>();
        using var client = target.CreateClient();
        var drafts = $"/presets?filter[bookmark][_eq]=Drafts%20{sample.Suffix}";
        ((JArray)(await client.GetAsync(drafts))!).Should().HaveCount(1, "the preset was created before the drop");
        (await new IdMapClient(client).ListAsync("presets")).Should().BeEmpty("no preset was mapped");

        // When the push runs again
        var engine = new DirectusSyncEngine(client);
        await engine.PushAsync(new SyncOptions { DumpPath = temp.Path });

        // Then the preset is mapped, not created a second time, and nothing is left to do
        var presets = (JArray)(await client.GetAsync(drafts))!;
        presets.Should().HaveCount(1, "the re-run must adopt the preset the first run created");
        (await new IdMapClient(client).ListAsync("presets")).Select(m => m.LocalId).Should().Contain(presets[0]["id"]!.ToString());
        (await engine.DiffAsync(new SyncOptions { DumpPath = temp.Path })).Plan.IsEmpty.Should().BeTrue();
    }
}
