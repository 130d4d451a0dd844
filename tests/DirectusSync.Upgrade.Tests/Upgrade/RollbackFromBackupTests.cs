using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Core.Transport;
using Microsoft.Data.Sqlite;
using NSubstitute;

namespace DirectusSync.Upgrade.Tests.Upgrade;

/// <summary>
/// A run killed outright after the stop, finished from its backup folder alone (backup.json and
/// upgrade-state.json), with the server and the installation substituted and a real SQLite database.
/// </summary>
public sealed class RollbackFromBackupTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly IDirectusProvider _provider = Substitute.For<IDirectusProvider>();
    private readonly IUpgradeServer _server = Substitute.For<IUpgradeServer>();

    public RollbackFromBackupTests()
    {
        _provider.Description.Returns("test installation");
        _server.WaitStoppedAsync(Arg.Any<CancellationToken>()).Returns(true);
        _server.WaitReadyAsync(Arg.Any<CancellationToken>()).Returns(DirectusVersion.Parse("11.17.4"));
        // The real SQLite restore, on the test's own database file.
        _server.DatabaseBackupFor(Arg.Any<DatabaseLocation>()).Returns(call => DatabaseBackups.For(call.Arg<DatabaseLocation>(), new RecordingRunner()));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private string Live => _folder.Combine("directus", "data.db");

    private string BackupFolder => _folder.Combine("backup-20261127-070000");

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A live database, its copy in a backup folder, then a "migration" of the live one; the state a killed run left.</summary>
    private async Task KilledAfter(UpgradeStep step, bool withCopy = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Live)!);
        Execute(Live, "CREATE TABLE directus_settings (id INTEGER); INSERT INTO directus_settings VALUES (1);");
        var manifest = new BackupManifest
        {
            Directory = BackupFolder,
            DirectusVersion = "11.17.4",
            DirectusSyncVersion = "0.1.0",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Url = "http://127.0.0.1:1/",
        };
        Directory.CreateDirectory(BackupFolder);
        if (withCopy)
        {
            var copy = await new SqliteDatabaseBackup(new SqliteDatabaseLocation(Live)).BackupAsync(Path.Combine(BackupFolder, "database"));
            manifest = manifest with
            {
                DatabaseFile = "database/data.db",
                DatabaseMethod = copy.Method,
                DatabaseRowCounts = new SortedDictionary<string, long>(copy.RowCounts.ToDictionary(), StringComparer.Ordinal),
            };
        }

        manifest.Write();
        Execute(Live, "CREATE TABLE directus_new_in_12 (id INTEGER); INSERT INTO directus_settings VALUES (2);");
        new UpgradeState
        {
            Previous = "11.17.4",
            Target = "12.4.0",
            LastStep = step,
            LastOutcome = StepOutcome.Pending,
            Stopped = step >= UpgradeStep.Stop,
            Bumped = step >= UpgradeStep.Bump,
            DatabaseTouched = step >= UpgradeStep.Migrate,
        }.Write(BackupFolder);
    }

    private DirectusUpgrade Upgrade(bool acceptNoDatabaseBackup = false) => new(new UpgradeOptions
    {
        Connection = new DirectusConnection(new Uri("http://127.0.0.1:1"), DirectusCredentials.FromToken("token")),
        DumpPath = _folder.Combine("dump"),
        TargetVersion = DirectusVersion.Parse("12.4.0"),
        ReportPath = _folder.Combine("rollback-report.md"),
        Database = new SqliteDatabaseLocation(Live),
        AcceptNoDatabaseBackup = acceptNoDatabaseBackup,
    }, _provider, new RecordingRunner(), _server);

    private long Rows(string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Live, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE name = '{table}'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return -1;
        }

        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Should_put_the_old_version_and_database_back_When_the_run_was_killed_during_the_migration()
    {
        // Given
        await KilledAfter(UpgradeStep.Migrate);

        // When
        var summary = await Upgrade().RollbackFromBackupAsync(BackupFolder);

        // Then
        summary.Should().StartWith("Rolled back: stop Directus; put the old version back; restore the database; start the old version; push the backup's configuration");
        Rows("directus_settings").Should().Be(1);
        Rows("directus_new_in_12").Should().Be(-1);
        await _provider.Received(1).RevertAsync(Path.Combine(BackupFolder, "provider"), DirectusVersion.Parse("11.17.4"), Arg.Any<CancellationToken>());
        UpgradeState.Read(BackupFolder)!.RolledBack.Should().BeTrue();
    }

    [Fact]
    public async Task Should_report_where_the_killed_run_stopped_and_what_the_rollback_did_When_it_finishes_a_killed_run()
    {
        // Given
        await KilledAfter(UpgradeStep.Migrate);

        // When
        await Upgrade().RollbackFromBackupAsync(BackupFolder);

        // Then: the result says the run was interrupted (it did not fail at the rollback), and where
        var report = File.ReadAllText(_folder.Combine("rollback-report.md"));
        report.Should().Contain("| Result | ❌ interrupted during Migrate; rolled back to 11.17.4 |");
        report.Should().Contain("| Interrupted run | last step Migrate (… running)");
        report.Should().MatchRegex(@"\| Database copy \| .+, made by the interrupted run \|");
        report.Should().Contain("✔ restore the database");
    }

    [Fact]
    public async Task Should_leave_the_database_alone_When_the_run_was_killed_before_the_migration()
    {
        // Given: killed during the install (the database never saw 12)
        await KilledAfter(UpgradeStep.Install);

        // When
        await Upgrade().RollbackFromBackupAsync(BackupFolder);

        // Then
        Rows("directus_settings").Should().Be(2);
        await _provider.Received(1).StartAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Should_fail_as_incomplete_and_start_nothing_When_the_migrated_database_has_no_copy()
    {
        // Given: an upgrade that went on without a copy (accepted), killed after the migration
        await KilledAfter(UpgradeStep.Start, withCopy: false);

        // When
        var act = () => Upgrade(acceptNoDatabaseBackup: true).RollbackFromBackupAsync(BackupFolder);

        // Then
        var failure = (await act.Should().ThrowAsync<UpgradeFailedException>()).Which;
        failure.Message.Should().StartWith("The rollback is INCOMPLETE").And.Contain("no copy");
        failure.RolledBack.Should().BeFalse();
        await _provider.DidNotReceiveWithAnyArgs().StartAsync(default);
        UpgradeState.Read(BackupFolder)!.RolledBack.Should().BeFalse();
        (await File.ReadAllTextAsync(_folder.Combine("rollback-report.md"))).Should().Contain("INCOMPLETE");
    }

    [Fact]
    public async Task Should_do_nothing_When_the_run_never_stopped_Directus()
    {
        // Given
        await KilledAfter(UpgradeStep.VersionCheck);

        // When
        var summary = await Upgrade().RollbackFromBackupAsync(BackupFolder);

        // Then
        summary.Should().Contain("before Directus was stopped: nothing to roll back");
        _provider.ReceivedCalls().Where(c => c.GetMethodInfo().Name != "get_Description").Should().BeEmpty();
    }
}
