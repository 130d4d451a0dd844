using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace DirectusSync.Upgrade.Databases;

/// <summary>
/// Backs up a SQLite database through SQLite's online backup API (Microsoft.Data.Sqlite's
/// <c>BackupDatabase</c>, in-process: no <c>sqlite3</c> shell needed on the server), inside one read
/// transaction that also counts every table's rows, so the copy and its counts are the same snapshot,
/// committed WAL frames included, while Directus goes on writing. There is no plain file copy: a live
/// SQLite file copied byte by byte can be torn, and its <c>-wal</c> holds commits the main file lacks.
/// A restore writes a temporary file beside the live one, checks it, and swaps it in by renames.
/// </summary>
public sealed class SqliteDatabaseBackup(SqliteDatabaseLocation location, TimeProvider? time = null) : IDatabaseBackup
{
    /// <summary>The method recorded in backup.json.</summary>
    public const string Method = "SQLite online backup API";

    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private static readonly string[] Sidecars = ["-wal", "-shm", "-journal"];
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public Task<DatabaseBackupFile> BackupAsync(string directory, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(location.FilePath))
        {
            throw new DatabaseBackupException($"The SQLite database {location.FilePath} does not exist: check DB_FILENAME in the Directus env file.");
        }

        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, Path.GetFileName(location.FilePath));
        var partial = target + ".partial";
        DeleteWithSidecars(partial);
        IReadOnlyDictionary<string, long> counts;
        try
        {
            using var source = Open(location.FilePath, SqliteOpenMode.ReadWrite);
            // A deferred transaction takes its snapshot at the first read (the counts); backup_step reads in
            // the transaction already open, so the copy is that same snapshot.
            using var snapshot = source.BeginTransaction(deferred: true);
            counts = Count(source, snapshot);
            using (var destination = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                source.BackupDatabase(destination);
            }

            snapshot.Rollback();
        }
        catch (SqliteException e)
        {
            DeleteWithSidecars(partial);
            throw new DatabaseBackupException($"The online backup of the SQLite database {location.FilePath} failed: {e.Message}", e);
        }

        File.Move(partial, target, overwrite: true);
        return Task.FromResult(new DatabaseBackupFile(target, Method) { RowCounts = counts });
    }

    /// <inheritdoc />
    public Task<string> VerifyAsync(DatabaseBackupFile backup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backup);
        var scratch = Path.Combine(Path.GetDirectoryName(backup.FilePath)!, $".verify-{Guid.NewGuid():N}.db");
        try
        {
            RestoreInto(backup, scratch, cancellationToken);
        }
        finally
        {
            DeleteWithSidecars(scratch);
        }

        return Task.FromResult($"the SQLite copy {Path.GetFileName(backup.FilePath)} restored into a temporary file passes integrity_check and has the live database's row counts of the copy's moment ({TableRowCounts.Describe(backup.RowCounts)})");
    }

    /// <inheritdoc />
    public Task<string> CheckRestorableAsync(CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(location.FilePath)!;
        var probe = Path.Combine(folder, $".directus-sync-probe-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseBackupException($"A restore writes beside the SQLite database, but its folder {folder} is not writable: {e.Message}", e);
        }

        var size = new FileInfo(location.FilePath).Length;
        var free = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(folder))!).AvailableFreeSpace;
        if (free < 2 * size)
        {
            throw new DatabaseBackupException($"A restore needs room for a second copy of the SQLite database ({size} bytes) beside it, but {folder} has {free} bytes free.");
        }

        return Task.FromResult($"a restore can write beside {location.FilePath} ({free / (1024 * 1024)} MiB free)");
    }

    /// <inheritdoc />
    public Task<string> RestoreAsync(DatabaseBackupFile backup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backup);
        var live = location.FilePath;
        var stamp = _time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var incoming = $"{live}.restoring-{stamp}";
        var aside = $"{live}.replaced-{stamp}";

        // Up to the swap, nothing touches the live database: a copy that does not restore or does not
        // match leaves it exactly as it was.
        DeleteWithSidecars(incoming);
        try
        {
            RestoreInto(backup, incoming, cancellationToken);
        }
        catch
        {
            DeleteWithSidecars(incoming);
            throw;
        }

        // The swap: the live file with its WAL and shared memory go aside together (the WAL of the
        // replaced database must never meet the restored file), then the restored file takes the name.
        var moved = new List<(string From, string To)>();
        try
        {
            foreach (var suffix in new[] { string.Empty }.Concat(Sidecars))
            {
                if (File.Exists(live + suffix))
                {
                    File.Move(live + suffix, aside + suffix);
                    moved.Add((live + suffix, aside + suffix));
                }
            }

            File.Move(incoming, live);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var (from, to) in Enumerable.Reverse(moved))
            {
                if (!File.Exists(from))
                {
                    File.Move(to, from);
                }
            }

            DeleteWithSidecars(incoming);
            throw new DatabaseBackupException($"The restored SQLite database could not be swapped in for {live}: {e.Message}. The live database was put back as it was.", e);
        }

        return Task.FromResult($"{live} replaced by the copy {Path.GetFileName(backup.FilePath)} ({TableRowCounts.Describe(backup.RowCounts)}, by rename); the replaced database is kept as {Path.GetFileName(aside)}");
    }

    /// <summary>Every table's row count (SQLite's own tables aside), in <paramref name="transaction"/>.</summary>
    internal static SortedDictionary<string, long> Count(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            counts[table] = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>Copies the backup to <paramref name="target"/> (flushed to disk), then proves it: SQLite header, integrity_check, row counts.</summary>
    private static void RestoreInto(DatabaseBackupFile backup, string target, CancellationToken cancellationToken)
    {
        if (backup.RowCounts.Count == 0)
        {
            throw new DatabaseBackupException($"The SQLite copy {backup.FilePath} has no row counts to be compared with (an older backup): make a new backup.");
        }

        if (!File.Exists(backup.FilePath))
        {
            throw new DatabaseBackupException($"The SQLite copy {backup.FilePath} does not exist.");
        }

        using (var from = File.OpenRead(backup.FilePath))
        {
            var header = new byte[Header.Length];
            if (from.Read(header) != Header.Length || !header.SequenceEqual(Header))
            {
                throw new DatabaseBackupException($"{backup.FilePath} is not a SQLite database.");
            }

            from.Position = 0;
            using var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            from.CopyTo(to);
            to.Flush(flushToDisk: true);
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var restored = Open(target, SqliteOpenMode.ReadWrite);
            using (var check = restored.CreateCommand())
            {
                check.CommandText = "PRAGMA integrity_check";
                var verdict = Convert.ToString(check.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (verdict != "ok")
                {
                    throw new DatabaseBackupException($"The SQLite copy {backup.FilePath}, restored, fails its integrity check: {verdict}");
                }
            }

            TableRowCounts.EnsureEqual(backup.RowCounts, Count(restored), $"The SQLite copy {backup.FilePath}, restored, does not match the live database");
        }
        catch (SqliteException e)
        {
            throw new DatabaseBackupException($"The SQLite copy {backup.FilePath} does not restore: {e.Message}", e);
        }
    }

    // No pooling: a pooled connection would keep the file (and its WAL) open after the swap.
    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        SqliteNativeLibrary.EnsureResolvable();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void DeleteWithSidecars(string path)
    {
        foreach (var suffix in new[] { string.Empty }.Concat(Sidecars))
        {
            File.Delete(path + suffix);
        }
    }
}
