using DirectusSync.IntegrationTests.MSBuild;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;

namespace DirectusSync.IntegrationTests.Workflow;

/// <summary>The MSBuild push target refuses a schema drop like the CLI (DSYNC0402), and drops with consent.</summary>
[Collection(DirectusCollection.Name)]
public sealed class MSBuildSchemaDeletionTests(DirectusFixture fixture)
{
    [Fact]
    public Task Should_fail_with_DSYNC0402_and_keep_the_rows_When_the_push_target_would_drop_a_collection_holding_rows() =>
        RefusedThenDroppedAsync(fixture.Instance);

    [Fact]
    public async Task Should_fail_with_DSYNC0402_and_keep_the_rows_When_the_push_target_would_drop_a_collection_holding_rows_on_directus_12()
    {
        await using var instance = await DirectusInstance.StartAsync($"guard12-msbuild-{SampleConfiguration.NewSuffix()}", "12.4.0");
        await RefusedThenDroppedAsync(instance);
    }

    private static async Task RefusedThenDroppedAsync(DirectusInstance instance)
    {
        // Given the package in a consumer project, and its dump pulled then stripped of a collection holding rows
        using var temp = new TempFolder();
        var feed = LocalFeed.Create(temp.Combine("feed"));
        await feed.PackAsync("DirectusSync.MSBuild", build: false);
        var project = ConsumerProject.Create(temp.Combine("Shop.Web"), feed, instance);
        using var client = instance.CreateClient();
        var guarded = await GuardedCollection.CreateAsync(client, rows: 3);
        var pull = await project.MSBuildAsync("DirectusSyncPull", "-restore", "-p:DirectusSyncCollections=false");
        pull.ExitCode.Should().Be(0, pull.ToString());
        guarded.RemoveFromSnapshot(project.DumpPath);

        // When pushed without, then with consent
        var refused = await project.MSBuildAsync("DirectusSyncPush", "-p:DirectusSyncCollections=false");
        var rowsAfterRefusal = await guarded.RowsAsync();
        var consented = await project.MSBuildAsync("DirectusSyncPush", "-p:DirectusSyncCollections=false", "-p:DirectusSyncAllowSchemaDeletes=true");

        // Then
        refused.ExitCode.Should().NotBe(0, refused.ToString());
        refused.Output.Should().Contain("error DSYNC0402: ").And.Contain("nothing was written")
            .And.Contain($"drop collection {guarded.Name} with its 3 row(s) on the target").And.Contain("DirectusSyncAllowSchemaDeletes");
        rowsAfterRefusal.Should().Be(3);
        consented.ExitCode.Should().Be(0, consented.ToString());
        (await guarded.RowsAsync()).Should().BeNull();
    }
}
