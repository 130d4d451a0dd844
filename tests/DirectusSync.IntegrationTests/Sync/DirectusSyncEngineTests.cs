using DirectusSync.Core.Plan;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Sync;

[Collection(DirectusCollection.Name)]
public sealed class DirectusSyncEngineTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_write_the_same_dump_as_the_reference_CLI_When_pulling_the_same_instance()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(client, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync();
        using var temp = new TempFolder();

        // When
        await ReferenceCli.RunAsync(fixture.Instance, temp.Path, "pull", "--dump-path", temp.Combine("reference"));
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = temp.Combine("ours") });

        // Then
        var ours = DumpComparer.Read(temp.Combine("ours"));
        var reference = DumpComparer.Read(temp.Combine("reference"));
        ours.Keys.Should().BeEquivalentTo(reference.Keys);
        foreach (var (file, text) in reference)
        {
            // 3.4.1 is the oracle installed here; we write 3.5.1's shape (policies' access rows gain "user": null).
            ours[file].Should().Be(Reference351Format.FromReference341(file, text), $"{file} must be byte-identical to directus-sync 3.5.1's");
        }
    }

    [Fact]
    public async Task Should_rebuild_the_configuration_in_an_empty_instance_When_pushing_a_pulled_dump()
    {
        // Given
        using var source = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(source, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync();
        using var temp = new TempFolder();
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = temp.Combine("a") });
        await using var empty = await DirectusInstance.StartAsync($"roundtrip-{sample.Suffix}");
        using var target = empty.CreateClient();
        var engine = new DirectusSyncEngine(target);

        // When
        await engine.PushAsync(new SyncOptions { DumpPath = temp.Combine("a") });
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Combine("b") });
        var again = await engine.DiffAsync(new SyncOptions { DumpPath = temp.Combine("a") });

        // Then
        var pulledBack = DumpComparer.Read(temp.Combine("b"));
        foreach (var (file, text) in DumpComparer.Read(temp.Combine("a")))
        {
            if (file.StartsWith("collections/", StringComparison.Ordinal))
            {
                JToken.Parse(pulledBack[file]).Should().BeEquivalentTo(JToken.Parse(text), $"{file} must survive the round trip");
            }
        }

        again.Plan.IsEmpty.Should().BeTrue("a second push has nothing left to do: " +
            string.Join(", ", again.Plan.Operations.Select(o => $"{o.Kind} {o.Collection} {o.SyncId}")));
    }

    [Fact]
    public async Task Should_refuse_before_any_write_When_a_collection_file_is_missing()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path });
        File.Delete(temp.Combine("collections", "roles.json"));
        var activityBefore = await CountActivityAsync(client);

        // When
        var act = () => engine.PushAsync(new SyncOptions { DumpPath = temp.Path });

        // Then
        (await act.Should().ThrowAsync<DumpFileException>()).Which.FilePath.Should().EndWith("roles.json");
        (await CountActivityAsync(client)).Should().Be(activityBefore);
    }

    [Fact]
    public async Task Should_not_write_to_the_target_When_only_diffing()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(client, SampleConfiguration.NewSuffix());
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path });
        await sample.CreateSystemItemsAsync();
        var activityBefore = await CountActivityAsync(client);

        // When
        var diff = await engine.DiffAsync(new SyncOptions { DumpPath = temp.Path });

        // Then
        diff.Plan.Operations.OfType<DeleteItem>().Should().BeEmpty("items created after the pull have no id map, so they are not the dump's to delete");
        (await CountActivityAsync(client)).Should().Be(activityBefore);
    }

    private static async Task<int> CountActivityAsync(Core.Transport.DirectusClient client)
    {
        var data = await client.GetAsync("/activity?aggregate[count]=id");
        return data![0]!["count"]!["id"]!.Value<int>();
    }
}
