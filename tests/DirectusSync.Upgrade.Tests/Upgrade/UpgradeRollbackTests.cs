using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Core.Transport;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace DirectusSync.Upgrade.Tests.Upgrade;

/// <summary>
/// Every branch of the rollback, with the provider, the server and the database substituted: what
/// depends on a failed action is skipped and named, and a rollback that could not restore the database
/// is INCOMPLETE.
/// </summary>
public sealed class UpgradeRollbackTests
{
    private static readonly DirectusVersion Previous = DirectusVersion.Parse("11.17.4");
    private readonly IDirectusProvider _provider = Substitute.For<IDirectusProvider>();
    private readonly IUpgradeServer _server = Substitute.For<IUpgradeServer>();
    private readonly IDatabaseBackup _database = Substitute.For<IDatabaseBackup>();
    private readonly DatabaseBackupFile _copy = new("/backup/database/data.db", SqliteDatabaseBackup.Method);

    public UpgradeRollbackTests()
    {
        _provider.Description.Returns("test installation");
        _server.WaitStoppedAsync(Arg.Any<CancellationToken>()).Returns(true);
        _server.WaitReadyAsync(Arg.Any<CancellationToken>()).Returns(Previous);
        _database.RestoreAsync(_copy, Arg.Any<CancellationToken>()).Returns("restored by rename");
    }

    private RollbackPlan Plan(bool bumped = true, bool databaseTouched = true, bool withCopy = true, string backupVersion = "11.17.4") => new()
    {
        Previous = Previous,
        Backup = new BackupManifest
        {
            Directory = "/backup",
            DirectusVersion = backupVersion,
            DirectusSyncVersion = "0.1.0",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Url = "http://127.0.0.1:8055/",
        },
        ProviderBackupDirectory = "/backup/provider",
        Bumped = bumped,
        DatabaseTouched = databaseTouched,
        Database = withCopy ? (_database, _copy) : null,
    };

    private Task<RollbackResult> Roll(RollbackPlan plan) => new UpgradeRollback(_provider, _server).RunAsync(plan);

    private static IEnumerable<(string, RollbackActionOutcome)> Outcomes(RollbackResult result) => result.Actions.Select(a => (a.Name, a.Outcome));

    [Fact]
    public async Task Should_undo_everything_in_order_When_every_action_succeeds()
    {
        // When
        var result = await Roll(Plan());

        // Then
        result.IsComplete.Should().BeTrue();
        Outcomes(result).Should().Equal(
            ("stop Directus", RollbackActionOutcome.Done),
            ("put the old version back", RollbackActionOutcome.Done),
            ("restore the database", RollbackActionOutcome.Done),
            ("start the old version", RollbackActionOutcome.Done),
            ("push the backup's configuration", RollbackActionOutcome.Done));
        Received.InOrder(() =>
        {
            _provider.StopAsync(Arg.Any<CancellationToken>());
            _provider.RevertAsync("/backup/provider", Previous, Arg.Any<CancellationToken>());
            _database.RestoreAsync(_copy, Arg.Any<CancellationToken>());
            _provider.StartAsync(Arg.Any<CancellationToken>());
            _server.RestoreConfigurationAsync(Arg.Any<BackupManifest>(), Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Should_restore_no_database_and_start_nothing_When_the_stop_failed()
    {
        // Given
        _provider.StopAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("systemctl: access denied"));

        // When
        var result = await Roll(Plan());

        // Then
        result.IsComplete.Should().BeFalse();
        Outcomes(result).Should().Equal(
            ("stop Directus", RollbackActionOutcome.Failed),
            ("put the old version back", RollbackActionOutcome.Skipped),
            ("restore the database", RollbackActionOutcome.Skipped),
            ("start the old version", RollbackActionOutcome.Skipped),
            ("push the backup's configuration", RollbackActionOutcome.Skipped));
        await _database.DidNotReceiveWithAnyArgs().RestoreAsync(default!, default);
        await _provider.DidNotReceiveWithAnyArgs().StartAsync(default);
        result.Summary("11.17.4", "http://x/", "/backup").Should().StartWith("The rollback is INCOMPLETE: ✘ stop Directus FAILED: systemctl: access denied")
            .And.Contain("⏭ restore the database skipped: it needs \"stop Directus\", which did not succeed");
    }

    [Fact]
    public async Task Should_restore_no_database_When_the_server_still_answers_after_the_stop()
    {
        // Given
        _server.WaitStoppedAsync(Arg.Any<CancellationToken>()).Returns(false);

        // When
        var result = await Roll(Plan());

        // Then
        result.Actions[0].Detail.Should().Contain("still answers");
        await _database.DidNotReceiveWithAnyArgs().RestoreAsync(default!, default);
        result.IsComplete.Should().BeFalse();
    }

    [Fact]
    public async Task Should_not_start_the_old_version_When_the_revert_failed()
    {
        // Given
        _provider.RevertAsync(Arg.Any<string>(), Arg.Any<DirectusVersion>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("npm ERR!"));

        // When
        var result = await Roll(Plan());

        // Then
        Outcomes(result).Should().Contain([("restore the database", RollbackActionOutcome.Done), ("start the old version", RollbackActionOutcome.Skipped), ("push the backup's configuration", RollbackActionOutcome.Skipped)]);
        await _provider.DidNotReceiveWithAnyArgs().StartAsync(default);
        result.IsComplete.Should().BeFalse();
    }

    [Fact]
    public async Task Should_be_incomplete_and_not_start_When_the_database_restore_failed()
    {
        // Given
        _database.RestoreAsync(_copy, Arg.Any<CancellationToken>()).ThrowsAsync(new DatabaseBackupException("disk full"));

        // When
        var result = await Roll(Plan());

        // Then
        result.IsComplete.Should().BeFalse();
        Outcomes(result).Should().Contain([("restore the database", RollbackActionOutcome.Failed), ("start the old version", RollbackActionOutcome.Skipped)]);
        await _provider.DidNotReceiveWithAnyArgs().StartAsync(default);
    }

    [Fact]
    public async Task Should_be_incomplete_When_the_database_was_migrated_and_there_is_no_copy()
    {
        // When
        var result = await Roll(Plan(withCopy: false));

        // Then
        result.IsComplete.Should().BeFalse();
        result.Actions.Single(a => a.Name == "restore the database").Should().Match<RollbackAction>(a =>
            a.Outcome == RollbackActionOutcome.Failed && a.Detail.Contains("no copy"));
        await _provider.DidNotReceiveWithAnyArgs().StartAsync(default);
    }

    [Fact]
    public async Task Should_leave_the_database_alone_and_be_complete_When_no_migration_ran()
    {
        // When: the install failed; the database never saw the new version
        var result = await Roll(Plan(databaseTouched: false));

        // Then
        result.IsComplete.Should().BeTrue();
        Outcomes(result).Should().Contain(("restore the database", RollbackActionOutcome.NotNeeded));
        await _database.DidNotReceiveWithAnyArgs().RestoreAsync(default!, default);
    }

    [Fact]
    public async Task Should_push_nothing_When_the_old_version_does_not_come_back()
    {
        // Given: what answers after the start is not the old version
        _server.WaitReadyAsync(Arg.Any<CancellationToken>()).Returns(DirectusVersion.Parse("12.4.0"));

        // When
        var result = await Roll(Plan());

        // Then
        Outcomes(result).Should().EndWith([("start the old version", RollbackActionOutcome.Failed), ("push the backup's configuration", RollbackActionOutcome.Skipped)]);
        await _server.DidNotReceiveWithAnyArgs().RestoreConfigurationAsync(default!, default);
    }

    [Fact]
    public async Task Should_push_nothing_When_the_backup_is_of_another_version_than_the_one_running()
    {
        // When
        var result = await Roll(Plan(backupVersion: "11.16.0"));

        // Then
        result.Actions[^1].Should().Match<RollbackAction>(a => a.Outcome == RollbackActionOutcome.Failed && a.Detail.Contains("the backup is of Directus 11.16.0"));
        await _server.DidNotReceiveWithAnyArgs().RestoreConfigurationAsync(default!, default);
        result.IsComplete.Should().BeFalse();
    }
}
