using System.Text;
using DirectusSync.Cake.Databases;
using DirectusSync.Cake.Processes;
using DirectusSync.Cake.Tests.Support;

namespace DirectusSync.Cake.Tests.Databases;

/// <summary>The SQLite copy: made, checked, and put back over a changed database.</summary>
public sealed class SqliteDatabaseBackupTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string FakeDatabase(string text)
    {
        var file = _folder.Combine("data", "data.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, [.. Encoding.ASCII.GetBytes("SQLite format 3\0"), .. Encoding.UTF8.GetBytes(text)]);
        return file;
    }

    [Fact]
    public async Task Should_copy_and_restore_the_file_When_the_sqlite3_shell_is_missing()
    {
        // Given: a runner for which sqlite3 is not installed
        var database = FakeDatabase("before");
        var backup = new SqliteDatabaseBackup(new SqliteDatabaseLocation(database), new RecordingRunner(_ => new CommandResult(127, "not found")));
        var copy = await backup.BackupAsync(_folder.Combine("backup"));
        File.WriteAllText(database + "-journal", "left by the new version");
        FakeDatabase("after the migration");

        // When
        await backup.VerifyAsync(copy);
        await backup.RestoreAsync(copy);

        // Then
        copy.Method.Should().StartWith("file copy");
        File.ReadAllText(database).Should().EndWith("before");
        File.Exists(database + "-journal").Should().BeFalse();
    }

    [Fact]
    public async Task Should_refuse_the_copy_When_it_is_not_a_sqlite_file()
    {
        // Given
        var file = _folder.Write("backup/data.db", "not a database");
        var backup = new SqliteDatabaseBackup(new SqliteDatabaseLocation(_folder.Combine("data.db")), new RecordingRunner());

        // When
        var act = () => backup.VerifyAsync(new DatabaseBackupFile(file, "file copy"));

        // Then
        await act.Should().ThrowAsync<DatabaseBackupException>().WithMessage("*is not a SQLite database.");
    }

    [Fact]
    public async Task Should_say_where_to_look_When_the_database_file_does_not_exist()
    {
        // Given
        var backup = new SqliteDatabaseBackup(new SqliteDatabaseLocation(_folder.Combine("missing.db")), new RecordingRunner());

        // When
        var act = () => backup.BackupAsync(_folder.Combine("backup"));

        // Then
        await act.Should().ThrowAsync<DatabaseBackupException>().WithMessage("*missing.db does not exist: check DB_FILENAME*");
    }
}
