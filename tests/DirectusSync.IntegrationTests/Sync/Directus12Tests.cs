using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;

namespace DirectusSync.IntegrationTests.Sync;

/// <summary>
/// The same sync on Directus 12.4.0 (unlicensed "Core": ≤ 25 collections, ≤ 5 active flows, ≤ 3 users,
/// permissions only with fields ["*"] and no rules).
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class Directus12Tests
{
    private const string Version = "12.4.0";

    [Fact]
    public async Task Should_round_trip_between_two_instances_When_both_run_Directus_12()
    {
        // Given
        var suffix = SampleConfiguration.NewSuffix();
        await using var a = await DirectusInstance.StartAsync($"v12-a-{suffix}", Version);
        await using var b = await DirectusInstance.StartAsync($"v12-b-{suffix}", Version);
        using var source = a.CreateClient();
        using var target = b.CreateClient();
        var sample = new SampleConfiguration(source, suffix);
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync(customPermissionRules: false);
        using var temp = new TempDirectory();
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = temp.Combine("a") });

        // When
        var engine = new DirectusSyncEngine(target);
        await engine.PushAsync(new SyncOptions { DumpPath = temp.Combine("a") });
        var diff = await engine.DiffAsync(new SyncOptions { DumpPath = temp.Combine("a") });
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Combine("b") });

        // Then
        diff.Server.Version.Major.Should().Be(12);
        diff.Plan.IsEmpty.Should().BeTrue(string.Join(", ", diff.Plan.Operations.Select(o => $"{o.Kind} {o.Collection} {o.SyncId}")));
        var pulledBack = DumpComparer.Read(temp.Combine("b"));
        foreach (var (file, text) in DumpComparer.Read(temp.Combine("a")).Where(f => f.Key.StartsWith("collections/", StringComparison.Ordinal)))
        {
            Newtonsoft.Json.Linq.JToken.Parse(pulledBack[file]).Should().BeEquivalentTo(Newtonsoft.Json.Linq.JToken.Parse(text), file);
        }
    }

    [Fact]
    public async Task Should_say_the_licence_refuses_it_When_pushing_custom_permission_rules_into_unlicensed_12()
    {
        // Given an 11.17.4 dump with a filtered permission
        var suffix = SampleConfiguration.NewSuffix();
        await using var eleven = await DirectusInstance.StartAsync($"v11-src-{suffix}");
        await using var twelve = await DirectusInstance.StartAsync($"v12-dst-{suffix}", Version);
        using var source = eleven.CreateClient();
        var sample = new SampleConfiguration(source, suffix);
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync(customPermissionRules: true);
        using var temp = new TempDirectory();
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = temp.Path });
        using var target = twelve.CreateClient();

        // When
        var act = () => new DirectusSyncEngine(target).PushAsync(new SyncOptions { DumpPath = temp.Path, Force = true });

        // Then
        (await act.Should().ThrowAsync<DirectusApiException>())
            .Where(e => e.ErrorCode == "RESOURCE_RESTRICTED")
            .WithMessage("*without a licence*custom permission rules*");
    }
}
