using DirectusSync.Cake.Databases;
using DirectusSync.Cake.Tests.Support;

namespace DirectusSync.Cake.Tests.Databases;

/// <summary>
/// The PostgreSQL backup's command lines (recorded, not run: no PostgreSQL test here); the password
/// travels in PGPASSWORD only.
/// </summary>
public sealed class PostgresDatabaseBackupTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_dump_with_pg_dump_and_restore_into_a_recreated_database_When_asked()
    {
        // Given
        var runner = new RecordingRunner(c => new DirectusSync.Cake.Processes.CommandResult(0, c.FileName == "pg_restore" ? "TABLE public directus_users" : string.Empty));
        var backup = new PostgresDatabaseBackup(new PostgresDatabaseLocation("127.0.0.1", 54329, "cms", "postgres", "s3cret"), runner);

        // When
        var copy = await backup.BackupAsync(_folder.Path);
        await backup.VerifyAsync(copy);
        await backup.RestoreAsync(copy);

        // Then
        var connection = "--host 127.0.0.1 --port 54329 --username postgres --dbname";
        runner.Texts.Should().Equal(
            $"pg_dump {connection} cms --format=custom --no-owner --file {_folder.Combine("cms.pgdump")}",
            $"pg_restore --list {_folder.Combine("cms.pgdump")}",
            $"psql {connection} postgres -v ON_ERROR_STOP=1 -c \"DROP DATABASE IF EXISTS \"cms\" WITH (FORCE)\"",
            $"psql {connection} postgres -v ON_ERROR_STOP=1 -c \"CREATE DATABASE \"cms\"\"",
            $"pg_restore {connection} cms --no-owner --exit-on-error {_folder.Combine("cms.pgdump")}");
        runner.Texts.Should().NotContain(t => t.Contains("s3cret", StringComparison.Ordinal));
        runner.Commands.Should().OnlyContain(c => c.Environment["PGPASSWORD"] == "s3cret");
    }
}
