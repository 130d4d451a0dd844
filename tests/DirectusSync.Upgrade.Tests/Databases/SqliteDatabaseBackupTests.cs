using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Tests.Support;
using Microsoft.Data.Sqlite;

namespace DirectusSync.Upgrade.Tests.Databases;

/// <summary>
/// The SQLite copy on real SQLite files: an online copy (a writer keeps its connection open, the WAL holds
/// commits the main file lacks), restored elsewhere and compared, and put back without ever leaving the
/// live database half-written.
/// </summary>
public sealed class SqliteDatabaseBackupTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<SqliteConnection> _open = [];

    public void Dispose()
    {
        _open.ForEach(c => c.Dispose());
        _folder.Dispose();
    }

    private string LiveDatabase => _folder.Combine("data", "data.db");

    /// <summary>A WAL database with <paramref name="rows"/> rows in "articles", written through a connection left open (no checkpoint).</summary>
    private SqliteConnection Live(int rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LiveDatabase)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = LiveDatabase, Pooling = false }.ToString());
        connection.Open();
        _open.Add(connection);
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE IF NOT EXISTS articles (id INTEGER PRIMARY KEY, title TEXT); CREATE TABLE IF NOT EXISTS \"directus_users\" (id TEXT)");
        Insert(connection, rows);
        return connection;
    }

    private static void Insert(SqliteConnection connection, int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            Execute(connection, $"INSERT INTO articles (title) VALUES ('article {i}')");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Articles(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM articles";
        return (long)command.ExecuteScalar()!;
    }

    private SqliteDatabaseBackup Backup() => new(new SqliteDatabaseLocation(LiveDatabase));

    [Fact]
    public async Task Should_copy_the_commits_still_in_the_wal_When_the_database_is_live()
    {
        // Given: 25 rows, all still in data.db-wal (a writer holds the database open, no checkpoint)
        using var writer = Live(25);
        File.Copy(LiveDatabase, _folder.Combine("plain-copy.db"));
        var plainCopy = () => Articles(_folder.Combine("plain-copy.db"));
        plainCopy.Should().Throw<SqliteException>("a byte copy of the main file misses what the WAL holds");

        // When
        var copy = await Backup().BackupAsync(_folder.Combine("backup"));

        // Then
        copy.Method.Should().Be(SqliteDatabaseBackup.Method);
        Articles(copy.FilePath).Should().Be(25);
        copy.RowCounts.Should().Equal(new Dictionary<string, long> { ["articles"] = 25, ["directus_users"] = 0 });
    }

    [Fact]
    public async Task Should_prove_the_copy_by_restoring_it_into_a_temporary_file_When_verified()
    {
        // Given
        using var writer = Live(3);
        var backup = Backup();
        var copy = await backup.BackupAsync(_folder.Combine("backup"));

        // When
        var proof = await backup.VerifyAsync(copy);

        // Then: proven, and the temporary file is gone
        proof.Should().Contain("restored into a temporary file").And.Contain("2 tables, 3 rows");
        Directory.GetFiles(_folder.Combine("backup")).Select(Path.GetFileName).Should().Equal("data.db");
    }

    [Fact]
    public async Task Should_refuse_the_copy_When_its_row_counts_are_not_the_live_database_ones()
    {
        // Given: counts that do not match the copy (as if a table had been lost)
        using var writer = Live(3);
        var backup = Backup();
        var copy = await backup.BackupAsync(_folder.Combine("backup"));
        var wrong = copy with { RowCounts = new SortedDictionary<string, long> { ["articles"] = 4, ["directus_users"] = 0 } };

        // When
        var act = () => backup.VerifyAsync(wrong);

        // Then
        await act.Should().ThrowAsync<DatabaseBackupException>().WithMessage("*row counts differ*articles: 3 row(s), expected 4*");
    }

    [Fact]
    public async Task Should_refuse_the_copy_When_it_is_not_a_sqlite_file()
    {
        // Given
        var file = _folder.Write("backup/data.db", "not a database");
        var copy = new DatabaseBackupFile(file, SqliteDatabaseBackup.Method) { RowCounts = new SortedDictionary<string, long> { ["articles"] = 1 } };

        // When
        var act = () => Backup().VerifyAsync(copy);

        // Then
        await act.Should().ThrowAsync<DatabaseBackupException>().WithMessage("*is not a SQLite database.");
    }

    [Fact]
    public async Task Should_say_where_to_look_When_the_database_file_does_not_exist()
    {
        // When
        var act = () => new SqliteDatabaseBackup(new SqliteDatabaseLocation(_folder.Combine("missing.db"))).BackupAsync(_folder.Combine("backup"));

        // Then
        await act.Should().ThrowAsync<DatabaseBackupException>().WithMessage("*missing.db does not exist: check DB_FILENAME*");
    }

    [Fact]
    public async Task Should_swap_the_copy_in_and_keep_the_migrated_database_aside_When_restoring()
    {
        // Given: a copy of 3 rows, then a "migration" that adds rows and a table, left in the WAL
        var writer = Live(3);
        var backup = Backup();
        var copy = await backup.BackupAsync(_folder.Combine("backup"));
        Insert(writer, 5);
        Execute(writer, "CREATE TABLE directus_new_in_12 (id INTEGER)");
        writer.Dispose();
        File.WriteAllText(LiveDatabase + "-wal", "a WAL left by the newer version");

        // When
        var done = await backup.RestoreAsync(copy);

        // Then: the restored database, no foreign WAL beside it, the replaced one kept whole
        File.Exists(LiveDatabase + "-wal").Should().BeFalse();
        Articles(LiveDatabase).Should().Be(3);
        var aside = Directory.GetFiles(_folder.Combine("data"), "data.db.replaced-*");
        aside.Select(Path.GetFileName).Should().Contain(n => n!.EndsWith("-wal", StringComparison.Ordinal));
        done.Should().Contain("by rename").And.Contain("kept as data.db.replaced-");
    }

    [Fact]
    public async Task Should_leave_the_live_database_untouched_When_the_copy_does_not_restore()
    {
        // Given: a migrated live database and a copy that was damaged since the backup
        var writer = Live(3);
        var backup = Backup();
        var copy = await backup.BackupAsync(_folder.Combine("backup"));
        Insert(writer, 5);
        writer.Dispose();
        var live = await File.ReadAllBytesAsync(LiveDatabase);
        var damaged = await File.ReadAllBytesAsync(copy.FilePath);
        await File.WriteAllBytesAsync(copy.FilePath, damaged[..(damaged.Length / 2)]);

        // When
        var act = () => backup.RestoreAsync(copy);

        // Then
        await act.Should().ThrowAsync<DatabaseBackupException>();
        (await File.ReadAllBytesAsync(LiveDatabase)).Should().Equal(live);
        Articles(LiveDatabase).Should().Be(8);
        Directory.GetFiles(_folder.Combine("data")).Select(Path.GetFileName).Should().OnlyContain(n => n!.StartsWith("data.db", StringComparison.Ordinal) && !n.Contains("restoring", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_refuse_to_restore_When_the_backup_has_no_row_counts()
    {
        // Given: a backup made before the counts existed
        using var writer = Live(1);
        var copy = await Backup().BackupAsync(_folder.Combine("backup"));

        // When
        var act = () => Backup().RestoreAsync(copy with { RowCounts = new SortedDictionary<string, long>() });

        // Then
        await act.Should().ThrowAsync<DatabaseBackupException>().WithMessage("*has no row counts*make a new backup.");
    }
}
