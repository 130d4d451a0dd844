using DirectusSync.IntegrationTests.Cli;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;

namespace DirectusSync.IntegrationTests.Workflow;

/// <summary>
/// Schema deletions are deletions: a mirror push of a dump whose snapshot lacks a collection holding rows, or a field,
/// stops before any write unless --allow-schema-deletes; --dry-run says what it would stop. On 11.17.4 (shared) and
/// 12.4.0 (a fresh instance; unlicensed Core: a handful of collections).
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class CliSchemaDeletionTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_refuse_then_drop_with_consent_When_a_mirror_push_would_drop_a_collection_holding_rows_on_11()
    {
        await Should_refuse_then_drop_with_consent_When_a_mirror_push_would_drop_a_collection_holding_rows(fixture.Instance);
    }

    [Fact]
    public async Task Should_refuse_then_drop_with_consent_When_a_mirror_push_would_drop_a_field_on_11()
    {
        await Should_refuse_then_drop_with_consent_When_a_mirror_push_would_drop_a_field(fixture.Instance);
    }

    [Fact]
    public async Task Should_refuse_then_drop_with_consent_When_a_mirror_push_would_drop_a_collection_or_a_field_on_12()
    {
        await using var instance = await DirectusInstance.StartAsync($"guard12-{SampleConfiguration.NewSuffix()}", "12.4.0");
        await Should_refuse_then_drop_with_consent_When_a_mirror_push_would_drop_a_field(instance);
        await Should_refuse_then_drop_with_consent_When_a_mirror_push_would_drop_a_collection_holding_rows(instance);
    }

    private static async Task Should_refuse_then_drop_with_consent_When_a_mirror_push_would_drop_a_collection_holding_rows(DirectusInstance instance)
    {
        // Given a collection holding three rows, and a pulled dump whose snapshot no longer lists it
        using var client = instance.CreateClient();
        var guarded = await GuardedCollection.CreateAsync(client, rows: 3);
        using var temp = new TempFolder();
        var cli = CliProcess.For(instance, temp.Path);
        (await cli.RunAsync("pull", "--no-collections")).ExitCode.Should().Be(0);
        guarded.RemoveFromSnapshot(temp.Combine("directus-config"));
        var activity = await CliAssertions.CountActivityAsync(client);

        // When pushed in mirror mode (the default), as a dry run, then for real
        var dryRun = await cli.RunAsync("push", "--no-collections", "--dry-run");
        var refused = await cli.RunAsync("push", "--no-collections");

        // Then the dry run says what the guard would stop, the push stops: exit 1, nothing written, rows intact
        dryRun.ExitCode.Should().Be(0, dryRun.ToString());
        dryRun.StdErr.Should().Contain("A push would stop here").And.Contain($"drop collection {guarded.Name} with its 3 row(s) on the target");
        refused.ExitCode.Should().Be(1, refused.ToString());
        refused.StdErr.Should().Contain("Push stopped, nothing was written")
            .And.Contain($"drop collection {guarded.Name} with its 3 row(s) on the target").And.Contain("--allow-schema-deletes");
        (await CliAssertions.CountActivityAsync(client)).Should().Be(activity);
        (await guarded.RowsAsync()).Should().Be(3);

        // When the user consents (--allow-deletes alone is not consent to drop a table)
        var itemsOnly = await cli.RunAsync("push", "--no-collections", "--allow-deletes");
        var consented = await cli.RunAsync("push", "--no-collections", "--allow-schema-deletes");

        // Then
        itemsOnly.ExitCode.Should().Be(1, itemsOnly.ToString());
        consented.ExitCode.Should().Be(0, consented.ToString());
        (await guarded.RowsAsync()).Should().BeNull("the collection is dropped");
    }

    private static async Task Should_refuse_then_drop_with_consent_When_a_mirror_push_would_drop_a_field(DirectusInstance instance)
    {
        // Given a pulled dump whose snapshot no longer lists the body field
        using var client = instance.CreateClient();
        var guarded = await GuardedCollection.CreateAsync(client, rows: 2);
        using var temp = new TempFolder();
        var cli = CliProcess.For(instance, temp.Path);
        (await cli.RunAsync("pull", "--no-collections")).ExitCode.Should().Be(0);
        guarded.RemoveFieldFromSnapshot(temp.Combine("directus-config"), "body");
        var activity = await CliAssertions.CountActivityAsync(client);

        // When
        var refused = await cli.RunAsync("push", "--no-collections");

        // Then
        refused.ExitCode.Should().Be(1, refused.ToString());
        refused.StdErr.Should().Contain($"drop field {guarded.Name}.body (its value in every row)");
        (await CliAssertions.CountActivityAsync(client)).Should().Be(activity);
        (await guarded.HasFieldAsync("body")).Should().BeTrue();

        // When consented
        var consented = await cli.RunAsync("push", "--no-collections", "--allow-schema-deletes");

        // Then the field goes, the rows stay
        consented.ExitCode.Should().Be(0, consented.ToString());
        (await guarded.HasFieldAsync("body")).Should().BeFalse();
        (await guarded.RowsAsync()).Should().Be(2);
    }
}
