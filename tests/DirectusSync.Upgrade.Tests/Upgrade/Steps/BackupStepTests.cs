using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Upgrade.Upgrade.Steps;

namespace DirectusSync.Upgrade.Tests.Upgrade.Steps;

/// <summary>The backup step with a fake server: no database copy, no stop; a copy that fails or does not prove itself refuses.</summary>
public sealed class BackupStepTests : IDisposable
{
    private readonly StepFixture _f = new();

    public BackupStepTests() => _f.Run.CurrentVersion = Core.Transport.DirectusVersion.Parse("11.17.4");

    public void Dispose() => _f.Dispose();

    private Task<string> Run() => new BackupStep(_f.Options, _f.Provider, _f.Server).RunAsync(_f.Run, _f.RecordFor(UpgradeStep.Backup), CancellationToken.None);

    [Fact]
    public async Task Should_refuse_before_any_copy_When_no_database_is_configured()
    {
        // Given
        _f.Options = _f.Options with { Database = null };

        // When
        var act = Run;

        // Then
        (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which.Message.Should().StartWith("No database copy can be made: no database is configured");
        _f.Server.Calls.Should().BeEmpty();
        _f.ProviderActions().Should().BeEmpty();
    }

    [Fact]
    public async Task Should_name_the_risk_and_make_a_configuration_backup_When_no_database_copy_is_accepted()
    {
        // Given
        _f.Options = _f.Options with { Database = null, AcceptNoDatabaseBackup = true };

        // When
        var summary = await Run();

        // Then
        summary.Should().Contain("NO DATABASE COPY, accepted");
        _f.Run.Risks.Should().ContainSingle().Which.Should().StartWith("⚠ RISK accepted (--accept-no-database-backup)");
        _f.Run.DatabaseCopyProven.Should().BeFalse();
        _f.Run.Backup.Should().NotBeNull();
    }

    [Fact]
    public async Task Should_refuse_with_nothing_stopped_When_the_database_copy_fails()
    {
        // Given
        _f.Server.MakeBackup = (_, _) => throw new DatabaseBackupException("sqlite3 said no");

        // When
        var act = Run;

        // Then
        (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which.Message.Should().Be("The database copy failed; nothing was stopped: sqlite3 said no");
        _f.Run.Backup.Should().BeNull();
        _f.ProviderActions().Should().BeEmpty();
    }

    [Fact]
    public async Task Should_refuse_and_leave_the_copy_unproven_When_the_backup_does_not_prove_itself()
    {
        // Given
        _f.Server.VerifyFailure = new BackupVerificationException("row counts differ: directus_users 2 ≠ 3");

        // When
        var act = Run;

        // Then
        (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which.Message.Should().Contain("did not prove itself; nothing was stopped: row counts differ");
        _f.Run.DatabaseCopyProven.Should().BeFalse();
    }

    [Fact]
    public async Task Should_keep_the_installation_files_and_prove_the_copy_When_everything_succeeds()
    {
        // When
        var summary = await Run();

        // Then
        summary.Should().Be($"{_f.BackupDirectory} (configuration and database, restored and compared), verified");
        _f.Run.DatabaseCopyProven.Should().BeTrue();
        _f.ProviderActions().Should().Equal("SaveAsync");
        _f.Record.Details.Should().Contain("Verified: dump reads back");
        _f.Server.Calls.Should().Equal("backup", "verify");
    }

    [Fact]
    public async Task Should_push_the_pending_changes_after_the_proven_backup_When_the_preflight_planned_them()
    {
        // Given
        _f.Run.PendingPush = true;

        // When
        await Run();

        // Then
        _f.Server.Calls.Should().Equal("backup", "verify", "push", "diff");
        _f.Run.PendingPushed.Should().BeTrue();
    }

    [Fact]
    public async Task Should_fail_When_the_server_still_differs_after_the_pending_push()
    {
        // Given
        _f.Run.PendingPush = true;
        _f.Server.Plans.Enqueue(Drift.NewCollection());

        // When
        var act = Run;

        // Then
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("After pushing the pending changes the server still differs*");
        _f.Run.PendingPushed.Should().BeFalse();
    }
}
