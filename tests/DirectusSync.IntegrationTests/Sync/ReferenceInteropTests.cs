using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;

namespace DirectusSync.IntegrationTests.Sync;

/// <summary>A team can switch tools mid-project: each tool pushes the other's dump, and each finds nothing left to do.</summary>
[Collection(DirectusCollection.Name)]
public sealed class ReferenceInteropTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_leave_nothing_for_the_reference_to_do_When_we_push_a_dump_the_reference_pulled()
    {
        // Given
        using var source = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(source, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync();
        using var temp = new TempFolder();
        await ReferenceCli.RunAsync(fixture.Instance, temp.Path, "pull", "--dump-path", temp.Combine("dump"));
        await using var target = await DirectusInstance.StartAsync($"interop-ours-{sample.Suffix}");
        using var client = target.CreateClient();

        // When
        await new DirectusSyncEngine(client).PushAsync(new SyncOptions { DumpPath = temp.Combine("dump") });
        var referenceDiff = await ReferenceCli.RunAsync(target, temp.Path, "diff", "--dump-path", temp.Combine("dump"));

        // Then
        ReferenceOutput.ChangeLines(referenceDiff).Should().BeEmpty();
    }

    [Fact]
    public async Task Should_find_nothing_to_do_When_the_reference_pushed_a_dump_we_pulled()
    {
        // Given
        using var source = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(source, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync();
        using var temp = new TempFolder();
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = temp.Combine("dump") });
        await using var target = await DirectusInstance.StartAsync($"interop-ref-{sample.Suffix}");
        using var client = target.CreateClient();

        // When
        await ReferenceCli.RunAsync(target, temp.Path, "push", "--dump-path", temp.Combine("dump"));
        var ours = await new DirectusSyncEngine(client).DiffAsync(new SyncOptions { DumpPath = temp.Combine("dump") });

        // Then
        ours.Plan.IsEmpty.Should().BeTrue(string.Join(", ", ours.Plan.Operations.Select(o => $"{o.Kind} {o.Collection} {o.SyncId}")));
    }
}
