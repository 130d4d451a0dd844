using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Upgrade;
using Xunit.Abstractions;

namespace DirectusSync.IntegrationTests.Workflow;

/// <summary>
/// The upgrade pipeline's pending push (--push-pending) goes through the push workflow: refused up front when it
/// would drop a collection holding rows, and, with consent, run only after the backup.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class UpgradeSchemaDeletionTests(DirectusFixture fixture, ITestOutputHelper output)
{
    private DirectusConnection Connection() => new(fixture.Instance.Url, DirectusCredentials.FromToken(DirectusInstance.AdminToken));

    [Fact]
    public async Task Should_refuse_the_upgrade_before_the_backup_When_the_pending_push_would_drop_a_collection_holding_rows()
    {
        // Given a repository dump whose snapshot lacks a collection that holds rows on the server
        using var client = fixture.Instance.CreateClient();
        var guarded = await GuardedCollection.CreateAsync(client, rows: 3);
        using var scenario = new UpgradeScenario(Connection(), output);
        await scenario.PrepareAsync(customPermissionRules: false);
        guarded.RemoveFromSnapshot(scenario.DumpPath);
        var provider = new RecordingProvider();
        var upgrade = scenario.Upgrade("12.4.0", provider, database: null, pushPending: true);

        // When
        var act = () => upgrade.RunAsync(UpgradeStep.Preflight);

        // Then refused at the preflight: nothing pushed, nothing backed up, nothing stopped, rows intact
        var refusal = (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which;
        refusal.Message.Should().Contain("would delete without consent").And.Contain($"drop collection {guarded.Name} with its 3 row(s)")
            .And.Contain("--allow-schema-deletes");
        (await guarded.RowsAsync()).Should().Be(3);
        Directory.EnumerateDirectories(scenario.WorkPath, "backup-*").Should().BeEmpty();
        provider.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_push_the_consented_drop_only_after_the_backup_When_pushing_pending_changes()
    {
        // Given the same dump, and the user's consent to schema deletions
        using var client = fixture.Instance.CreateClient();
        var guarded = await GuardedCollection.CreateAsync(client, rows: 3);
        using var scenario = new UpgradeScenario(Connection(), output);
        await scenario.PrepareAsync(customPermissionRules: false);
        guarded.RemoveFromSnapshot(scenario.DumpPath);
        // The shared instance's own SQLite database: no Stop (and so no pending push) without a proven copy.
        var database = new SqliteDatabaseLocation(Path.Combine(fixture.Instance.InstanceDirectory, "data", "data.db"));
        var upgrade = scenario.Upgrade("12.4.0", new RecordingProvider(), database, pushPending: true,
            pushConsent: new DeletionConsent { Schema = true });

        // When the preflight runs: nothing is pushed yet
        await upgrade.RunAsync(UpgradeStep.Preflight);
        var rowsAfterPreflight = await guarded.RowsAsync();

        // When the backup runs
        await upgrade.RunAsync(UpgradeStep.Backup);

        // Then the backup holds the collection, and the drop came after it
        rowsAfterPreflight.Should().Be(3);
        var backup = upgrade.Backup!.Directory;
        File.Exists(Path.Combine(backup, "snapshot", "collections", $"{guarded.Name}.json")).Should().BeTrue();
        (await guarded.RowsAsync()).Should().BeNull();
        scenario.Report().Should().Contain("pushed after the backup");
    }
}
