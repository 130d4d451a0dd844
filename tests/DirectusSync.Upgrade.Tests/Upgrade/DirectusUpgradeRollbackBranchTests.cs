using DirectusSync.Core.Transport;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Upgrade.Upgrade;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace DirectusSync.Upgrade.Tests.Upgrade;

/// <summary>
/// The whole upgrade with fakes (installation, server, database copy, clock): for a failure at each step past
/// the stop, which rollback actions run, which are skipped, what the state file and the report say, and that a
/// cancellation after the stop still rolls back, under the rollback's own time limit.
/// </summary>
public sealed class DirectusUpgradeRollbackBranchTests : IDisposable
{
    private const string Before = "[{\"_syncId\":\"s\",\"version\":\"before\"}]";
    private readonly StepFixture _f = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-27T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly IDatabaseBackup _database = Substitute.For<IDatabaseBackup>();
    private string _installed = "11.17.4";

    public DirectusUpgradeRollbackBranchTests()
    {
        _f.Server.Database = _database;
        _database.RestoreAsync(Arg.Any<DatabaseBackupFile>(), Arg.Any<CancellationToken>()).Returns("restored by rename");
        // The installation decides which version answers: the target after its start, the old one after the revert.
        _f.Provider.When(p => p.BumpAsync(Arg.Any<DirectusVersion>(), Arg.Any<CancellationToken>())).Do(_ => _installed = "12.4.0");
        _f.Provider.When(p => p.RevertAsync(Arg.Any<string>(), Arg.Any<DirectusVersion>(), Arg.Any<CancellationToken>())).Do(_ => _installed = "11.17.4");
        _f.Provider.When(p => p.StartAsync(Arg.Any<CancellationToken>())).Do(_ => _f.Server.Version = _installed);
    }

    public void Dispose() => _f.Dispose();

    private DirectusUpgrade Upgrade() => new(_f.Options, _f.Provider, new RecordingRunner(), _f.Server, time: _time);

    private UpgradeState State() => UpgradeState.Read(_f.BackupDirectory)!;

    private string Report() => File.ReadAllText(_f.Options.ReportPath);

    private static IEnumerable<(string, RollbackActionOutcome)> Actions(DirectusUpgrade upgrade) =>
        upgrade.Rollback!.Actions.Select(a => (a.Name, a.Outcome));

    [Fact]
    public async Task Should_upgrade_and_write_the_state_When_every_step_succeeds()
    {
        // Given
        var upgrade = Upgrade();

        // When
        await upgrade.RunAsync();

        // Then
        upgrade.IsUpgraded.Should().BeTrue();
        upgrade.Rollback.Should().BeNull();
        State().Should().BeEquivalentTo(new { LastStep = UpgradeStep.PostUpgrade, LastOutcome = StepOutcome.Succeeded, Stopped = true, Bumped = true, DatabaseTouched = true, DumpReplaced = true, RolledBack = (bool?)null, Upgraded = true });
        Report().Should().Contain("| Result | ✅ upgraded to 12.4.0 |");
        _f.ProviderActions().Should().Equal("InstalledVersionAsync", "SaveAsync", "StopAsync", "BumpAsync", "InstallAsync", "MigrateAsync", "StartAsync");
    }

    [Fact]
    public async Task Should_leave_everything_as_it_was_When_a_gate_refuses_before_the_stop()
    {
        // Given
        _f.Options = _f.Options with { TargetVersion = DirectusVersion.Parse("11.17.4") };
        var upgrade = Upgrade();

        // When
        var act = () => upgrade.RunAsync();

        // Then
        await act.Should().ThrowAsync<UpgradeRefusedException>();
        upgrade.Rollback.Should().BeNull();
        _f.ProviderActions().Should().Equal("InstalledVersionAsync", "SaveAsync");
        State().Should().BeEquivalentTo(new { LastStep = UpgradeStep.VersionCheck, LastOutcome = StepOutcome.Refused, Stopped = false });
    }

    [Fact]
    public async Task Should_put_the_old_version_back_without_touching_the_database_When_the_install_fails()
    {
        // Given
        _f.Provider.InstallAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("npm install failed"));
        var upgrade = Upgrade();

        // When
        var act = () => upgrade.RunAsync();

        // Then
        var failure = (await act.Should().ThrowAsync<UpgradeFailedException>()).Which;
        failure.Step.Should().Be(UpgradeStep.Install);
        failure.RolledBack.Should().BeTrue();
        Actions(upgrade).Should().Equal(
            ("stop Directus", RollbackActionOutcome.Done),
            ("put the old version back", RollbackActionOutcome.Done),
            ("restore the database", RollbackActionOutcome.NotNeeded),
            ("start the old version", RollbackActionOutcome.Done),
            ("push the backup's configuration", RollbackActionOutcome.Done));
        await _database.DidNotReceive().RestoreAsync(Arg.Any<DatabaseBackupFile>(), Arg.Any<CancellationToken>());
        State().Should().BeEquivalentTo(new { LastStep = UpgradeStep.Install, LastOutcome = StepOutcome.Failed, Stopped = true, Bumped = true, DatabaseTouched = false, RolledBack = (bool?)true });
        Report().Should().Contain("| Result | ❌ failed at Install; rolled back to 11.17.4 |");
    }

    [Fact]
    public async Task Should_restore_the_database_copy_When_the_migration_fails()
    {
        // Given
        _f.Provider.MigrateAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("migration failed"));
        var upgrade = Upgrade();

        // When
        var act = () => upgrade.RunAsync();

        // Then
        (await act.Should().ThrowAsync<UpgradeFailedException>()).Which.RolledBack.Should().BeTrue();
        await _database.Received(1).RestoreAsync(Arg.Is<DatabaseBackupFile>(f => f.FilePath == Path.Combine(_f.BackupDirectory, "database", "data.db")), Arg.Any<CancellationToken>());
        Actions(upgrade).Should().Contain(("restore the database", RollbackActionOutcome.Done));
        State().Should().BeEquivalentTo(new { LastStep = UpgradeStep.Migrate, Stopped = true, Bumped = true, DatabaseTouched = true, RolledBack = (bool?)true });
    }

    [Fact]
    public async Task Should_not_start_the_old_version_and_fail_as_incomplete_When_the_database_cannot_be_restored()
    {
        // Given
        _f.Provider.MigrateAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("migration failed"));
        _database.RestoreAsync(Arg.Any<DatabaseBackupFile>(), Arg.Any<CancellationToken>()).ThrowsAsync(new DatabaseBackupException("disk full"));
        var upgrade = Upgrade();

        // When
        var act = () => upgrade.RunAsync();

        // Then
        (await act.Should().ThrowAsync<UpgradeFailedException>()).Which.RolledBack.Should().BeFalse();
        Actions(upgrade).Should().Equal(
            ("stop Directus", RollbackActionOutcome.Done),
            ("put the old version back", RollbackActionOutcome.Done),
            ("restore the database", RollbackActionOutcome.Failed),
            ("start the old version", RollbackActionOutcome.Skipped),
            ("push the backup's configuration", RollbackActionOutcome.Skipped));
        _f.ProviderActions().Should().NotContain("StartAsync");
        _f.Server.Calls.Should().NotContain("restore configuration");
        State().RolledBack.Should().BeFalse();
    }

    [Fact]
    public async Task Should_restore_nothing_under_a_running_server_When_the_rollback_cannot_stop_it()
    {
        // Given: the start fails, and the server keeps answering after the rollback's stop
        _f.Server.Answers = true;
        _f.Provider.StartAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("port in use"));
        var upgrade = Upgrade();
        await upgrade.RunAsync(UpgradeStep.Preflight);
        await upgrade.RunAsync(UpgradeStep.Backup);
        await upgrade.RunAsync(UpgradeStep.VersionCheck);
        await upgrade.RunAsync(UpgradeStep.Stop);
        _f.Server.Stops = false;
        await upgrade.RunAsync(UpgradeStep.Bump);
        await upgrade.RunAsync(UpgradeStep.Install);
        await upgrade.RunAsync(UpgradeStep.Migrate);

        // When
        var act = () => upgrade.RunAsync(UpgradeStep.Start);

        // Then
        (await act.Should().ThrowAsync<UpgradeFailedException>()).Which.RolledBack.Should().BeFalse();
        Actions(upgrade).Should().Equal(
            ("stop Directus", RollbackActionOutcome.Failed),
            ("put the old version back", RollbackActionOutcome.Skipped),
            ("restore the database", RollbackActionOutcome.Skipped),
            ("start the old version", RollbackActionOutcome.Skipped),
            ("push the backup's configuration", RollbackActionOutcome.Skipped));
        await _database.DidNotReceive().RestoreAsync(Arg.Any<DatabaseBackupFile>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Should_put_the_repository_dump_back_When_the_post_upgrade_fails_after_replacing_it()
    {
        // Given: the backup's dump, and a final diff that drifts after the repository's dump was replaced
        Directory.CreateDirectory(Path.Combine(_f.DumpPath, "collections"));
        File.WriteAllText(Path.Combine(_f.DumpPath, "collections", "settings.json"), Before);
        _f.Server.MakeBackup = (_, _) =>
        {
            var manifest = _f.Manifest();
            File.WriteAllText(Path.Combine(_f.BackupDirectory, "collections", "settings.json"), Before);
            return manifest;
        };
        foreach (var plan in new[] { Drift.None, Drift.None, Drift.None, Drift.NewCollection() })
        {
            _f.Server.Plans.Enqueue(plan);
        }

        var upgrade = Upgrade();

        // When
        var act = () => upgrade.RunAsync();

        // Then
        (await act.Should().ThrowAsync<UpgradeFailedException>()).Which.Step.Should().Be(UpgradeStep.PostUpgrade);
        Actions(upgrade).Should().Contain(("restore the repository's dump", RollbackActionOutcome.Done));
        File.ReadAllText(Path.Combine(_f.DumpPath, "collections", "settings.json")).Should().Be(Before);
        State().Should().BeEquivalentTo(new { DumpReplaced = true, RolledBack = (bool?)true, Upgraded = false });
    }

    [Fact]
    public async Task Should_refuse_to_push_the_backup_into_another_version_When_the_old_version_does_not_come_back()
    {
        // Given: the revert leaves the target installed
        _f.Provider.When(p => p.RevertAsync(Arg.Any<string>(), Arg.Any<DirectusVersion>(), Arg.Any<CancellationToken>())).Do(_ => _installed = "12.4.0");
        _f.Server.Answers = true;
        _f.Provider.MigrateAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("migration failed"));
        var upgrade = Upgrade();

        // When
        var act = () => upgrade.RunAsync();

        // Then
        (await act.Should().ThrowAsync<UpgradeFailedException>()).Which.RolledBack.Should().BeFalse();
        upgrade.Rollback!.Actions.Single(a => a.Name == "start the old version").Detail.Should().Be("it answers as Directus 12.4.0, not 11.17.4");
        _f.Server.Calls.Should().NotContain("restore configuration");
    }

    [Fact]
    public async Task Should_stop_without_a_rollback_When_cancelled_before_the_stop()
    {
        // Given
        var upgrade = Upgrade();
        await upgrade.RunAsync(UpgradeStep.Preflight);
        await upgrade.RunAsync(UpgradeStep.Backup);
        upgrade.Cancel();

        // When
        var act = () => upgrade.RunAsync(UpgradeStep.VersionCheck);

        // Then
        await act.Should().ThrowAsync<OperationCanceledException>();
        upgrade.Rollback.Should().BeNull();
        upgrade.Steps[^1].Summary.Should().Be("cancelled; nothing was stopped");
        _f.ProviderActions().Should().NotContain("StopAsync");
    }

    [Fact]
    public async Task Should_roll_back_although_cancelled_When_cancelled_after_the_stop()
    {
        // Given: the migration runs until it is cancelled (Ctrl+C)
        var migrating = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _f.Provider.MigrateAsync(Arg.Any<CancellationToken>()).Returns(async call =>
        {
            migrating.TrySetResult();
            await Task.Delay(Timeout.Infinite, call.Arg<CancellationToken>());
        });
        var upgrade = Upgrade();
        var run = upgrade.RunAsync();
        await migrating.Task;

        // When
        upgrade.Cancel();

        // Then
        var failure = (await FluentActions.Awaiting(() => run).Should().ThrowAsync<UpgradeFailedException>()).Which;
        failure.Step.Should().Be(UpgradeStep.Migrate);
        failure.InnerException.Should().BeAssignableTo<OperationCanceledException>();
        failure.RolledBack.Should().BeTrue();
        upgrade.Steps.Single(s => s.Step == UpgradeStep.Migrate).Summary.Should().Be("cancelled (Ctrl+C, SIGTERM or a cancelled CI job) after Directus was stopped");
        Actions(upgrade).Should().AllSatisfy(a => a.Item2.Should().BeOneOf(RollbackActionOutcome.Done, RollbackActionOutcome.NotNeeded));
        await _database.Received(1).RestoreAsync(Arg.Any<DatabaseBackupFile>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Should_end_the_rollback_as_incomplete_When_it_outlives_its_own_time_limit()
    {
        // Given: cancelled after the stop, and the old version never answers during the rollback
        var migrating = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _f.Provider.MigrateAsync(Arg.Any<CancellationToken>()).Returns(async call =>
        {
            migrating.TrySetResult();
            await Task.Delay(Timeout.Infinite, call.Arg<CancellationToken>());
        });
        _f.Server.HangOnWaitReady = true;
        var upgrade = Upgrade();
        var run = upgrade.RunAsync();
        await migrating.Task;
        upgrade.Cancel();
        await _f.Server.WaitingForReady.Task;

        // When
        _time.Advance(_f.Options.RollbackTimeout);

        // Then: (the minute only keeps a rollback that ignores the injected clock from hanging the run; nothing is timed)
        (await FluentActions.Awaiting(() => run.WaitAsync(TimeSpan.FromMinutes(1))).Should().ThrowAsync<UpgradeFailedException>()).Which.RolledBack.Should().BeFalse();
        upgrade.Rollback!.Actions.Should().ContainSingle().Which.ToString().Should().Be("✘ rollback FAILED: stopped after its time limit (30 min)");
        State().RolledBack.Should().BeFalse();
    }
}
