using DirectusSync.Cake.Processes;

namespace DirectusSync.Cake.Databases;

/// <summary>
/// Backs up a PostgreSQL database with <c>pg_dump --format=custom</c>; restores it into a re-created
/// database (tables a newer version's migrations added must go too), with <c>psql</c> and <c>pg_restore</c>.
/// </summary>
public sealed class PostgresDatabaseBackup(PostgresDatabaseLocation location, ICommandRunner runner) : IDatabaseBackup
{
    /// <inheritdoc />
    public async Task<DatabaseBackupFile> BackupAsync(string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, $"{location.Database}.pgdump");
        await RunAsync("pg_dump", [.. Connection(location.Database), "--format=custom", "--no-owner", "--file", target], cancellationToken).ConfigureAwait(false);
        return new DatabaseBackupFile(target, "pg_dump --format=custom");
    }

    /// <inheritdoc />
    public async Task VerifyAsync(DatabaseBackupFile backup, CancellationToken cancellationToken = default)
    {
        var list = await RunAsync("pg_restore", ["--list", backup.FilePath], cancellationToken).ConfigureAwait(false);
        if (!list.Output.Contains("TABLE", StringComparison.Ordinal))
        {
            throw new DatabaseBackupException($"The PostgreSQL dump {backup.FilePath} holds no table.");
        }
    }

    /// <inheritdoc />
    public async Task RestoreAsync(DatabaseBackupFile backup, CancellationToken cancellationToken = default)
    {
        var name = "\"" + location.Database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await RunAsync("psql", [.. Connection("postgres"), "-v", "ON_ERROR_STOP=1", "-c", $"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], cancellationToken).ConfigureAwait(false);
        await RunAsync("psql", [.. Connection("postgres"), "-v", "ON_ERROR_STOP=1", "-c", $"CREATE DATABASE {name}"], cancellationToken).ConfigureAwait(false);
        await RunAsync("pg_restore", [.. Connection(location.Database), "--no-owner", "--exit-on-error", backup.FilePath], cancellationToken).ConfigureAwait(false);
    }

    private string[] Connection(string database) =>
        ["--host", location.Host, "--port", location.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", location.User, "--dbname", database];

    private async Task<CommandResult> RunAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var command = new CommandLine(tool, arguments)
        {
            // The password never goes on a command line (process lists, logs).
            Environment = location.Password is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["PGPASSWORD"] = location.Password },
        };
        try
        {
            return await runner.RunCheckedAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandFailedException e)
        {
            throw new DatabaseBackupException($"{tool} failed for {location.Describe()} (exit code {e.Result.ExitCode}): {e.Result.Tail(10)}", e);
        }
    }
}
