using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Tests.Support;

namespace DirectusSync.Upgrade.Tests.Databases;

/// <summary>
/// The PostgreSQL backup's command lines (recorded here; run against the sandbox's PostgreSQL in the
/// integration tests): a restore never drops the live database, the password travels in PGPASSWORD only.
/// </summary>
public sealed class PostgresDatabaseBackupTests : IDisposable
{
    private static readonly PostgresDatabaseLocation Location = new("127.0.0.1", 54329, "cms", "postgres", "s3cret")
    {
        Ssl = new PostgresSsl("verify-full", "/etc/ssl/ca.pem"),
    };

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static DatabaseBackupFile Copy(string file) =>
        new(file, PostgresDatabaseBackup.Method) { RowCounts = new SortedDictionary<string, long> { ["public.directus_users"] = 1 } };

    [Fact]
    public async Task Should_restore_into_a_new_database_and_swap_it_in_by_rename_When_restoring()
    {
        // Given
        var runner = new RecordingRunner(c => new CommandResult(0, c.Arguments.Any(a => a.Contains("count(*)", StringComparison.Ordinal)) ? "public.directus_users\t1\n" : string.Empty));
        var file = _folder.Write("cms.pgdump", "dump");

        // When
        var done = await new PostgresDatabaseBackup(Location, runner).RestoreAsync(Copy(file));

        // Then
        var sql = string.Join('\n', runner.Texts);
        sql.Should().NotContain("DROP DATABASE IF EXISTS \"cms\"").And.NotContain("WITH (FORCE)");
        sql.Should().MatchRegex("CREATE DATABASE \"cms_dxrestore_[0-9]{14}\" TEMPLATE template0");
        sql.Should().MatchRegex("pg_restore --no-owner --exit-on-error --dbname cms_dxrestore_[0-9]{14} ");
        sql.Should().MatchRegex("BEGIN; ALTER DATABASE \"cms\" RENAME TO \"cms_dxreplaced_[0-9]{14}\"; ALTER DATABASE \"cms_dxrestore_[0-9]{14}\" RENAME TO \"cms\"; COMMIT;");
        done.Should().Contain("kept as cms_dxreplaced_");
        runner.Texts.Should().NotContain(t => t.Contains("s3cret", StringComparison.Ordinal));
        runner.Commands.Should().OnlyContain(c => c.Environment["PGPASSWORD"] == "s3cret" && c.Environment["PGSSLMODE"] == "verify-full" && c.Environment["PGSSLROOTCERT"] == "/etc/ssl/ca.pem");
    }

    [Fact]
    public async Task Should_drop_only_the_new_database_and_leave_the_live_one_When_the_restored_counts_differ()
    {
        // Given: the restored database counts 0 rows where the live one had 1
        var runner = new RecordingRunner(c => new CommandResult(0, c.Arguments.Any(a => a.Contains("count(*)", StringComparison.Ordinal)) ? "public.directus_users\t0\n" : string.Empty));
        var file = _folder.Write("cms.pgdump", "dump");

        // When
        var act = () => new PostgresDatabaseBackup(Location, runner).RestoreAsync(Copy(file));

        // Then
        await act.Should().ThrowAsync<DatabaseBackupException>().WithMessage("*public.directus_users: 0 row(s), expected 1*");
        runner.Texts.Should().NotContain(t => t.Contains("RENAME", StringComparison.Ordinal));
        runner.Texts.Last().Should().MatchRegex("DROP DATABASE IF EXISTS \"cms_dxrestore_[0-9]{14}\"");
    }

    [Fact]
    public async Task Should_refuse_at_backup_time_When_the_user_could_not_create_and_rename_databases()
    {
        // Given: not superuser, no CREATEDB, owner
        var runner = new RecordingRunner(_ => new CommandResult(0, "f\tf\tt\n"));

        // When
        var act = () => new PostgresDatabaseBackup(Location, runner).CheckRestorableAsync();

        // Then
        await act.Should().ThrowAsync<DatabaseBackupException>().WithMessage("postgres cannot restore cms: *CREATEDB*");
    }

    [Fact]
    public void Should_read_psql_counts_When_parsing_its_output()
    {
        // When
        var counts = PostgresDatabaseBackup.ParseCounts("public.a\t3\npublic.b\t0\r\n\nnoise\n");

        // Then
        counts.Should().Equal(new Dictionary<string, long> { ["public.a"] = 3, ["public.b"] = 0 });
    }
}
