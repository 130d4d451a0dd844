using System.Text;
using DirectusSync.Cake.Processes;

namespace DirectusSync.Cake.Databases;

/// <summary>
/// Backs up a SQLite database: with the sqlite3 shell's <c>.backup</c> when it is installed (a consistent
/// copy of a live database), else a plain file copy (consistent while Directus is idle).
/// </summary>
public sealed class SqliteDatabaseBackup(SqliteDatabaseLocation location, ICommandRunner runner) : IDatabaseBackup
{
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <inheritdoc />
    public async Task<DatabaseBackupFile> BackupAsync(string directory, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(location.FilePath))
        {
            throw new DatabaseBackupException($"The SQLite database {location.FilePath} does not exist: check DB_FILENAME in the Directus env file.");
        }

        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, Path.GetFileName(location.FilePath));
        var shell = await runner.RunAsync(new CommandLine("sqlite3", [location.FilePath, $".backup '{target.Replace("'", "''", StringComparison.Ordinal)}'"]), cancellationToken).ConfigureAwait(false);
        if (shell.ExitCode == 0)
        {
            return new DatabaseBackupFile(target, "sqlite3 .backup");
        }

        File.Copy(location.FilePath, target, overwrite: true);
        return new DatabaseBackupFile(target, "file copy (the sqlite3 shell is not installed)");
    }

    /// <inheritdoc />
    public async Task VerifyAsync(DatabaseBackupFile backup, CancellationToken cancellationToken = default)
    {
        var header = new byte[Header.Length];
        await using (var stream = File.OpenRead(backup.FilePath))
        {
            if (await stream.ReadAsync(header, cancellationToken).ConfigureAwait(false) != Header.Length || !header.SequenceEqual(Header))
            {
                throw new DatabaseBackupException($"{backup.FilePath} is not a SQLite database.");
            }
        }

        var check = await runner.RunAsync(new CommandLine("sqlite3", [backup.FilePath, "PRAGMA integrity_check;"]), cancellationToken).ConfigureAwait(false);
        if (check.ExitCode == 0 && check.Output.Trim() != "ok")
        {
            throw new DatabaseBackupException($"The SQLite copy {backup.FilePath} fails its integrity check: {check.Tail(5)}");
        }
    }

    /// <inheritdoc />
    public Task RestoreAsync(DatabaseBackupFile backup, CancellationToken cancellationToken = default)
    {
        // A journal or WAL left by the newer version would be replayed onto the restored file.
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
        {
            File.Delete(location.FilePath + suffix);
        }

        File.Copy(backup.FilePath, location.FilePath, overwrite: true);
        return Task.CompletedTask;
    }
}
