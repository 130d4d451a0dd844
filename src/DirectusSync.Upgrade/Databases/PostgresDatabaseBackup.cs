using System.Globalization;
using DirectusSync.Upgrade.Processes;

namespace DirectusSync.Upgrade.Databases;

/// <summary>
/// Backs up a PostgreSQL database with <c>pg_dump --format=custom</c> inside a repeatable-read transaction
/// of <c>psql</c> that exports its snapshot to pg_dump and counts every table's rows in that same snapshot;
/// proves the dump by restoring it into a scratch database and comparing the counts; restores without
/// dropping anything first: into a new database, checked, then swapped in by two renames in one
/// transaction, the replaced database kept. Needs <c>psql</c>, <c>pg_dump</c> and <c>pg_restore</c> on PATH
/// and a Unix shell (psql's <c>\!</c>); the connection and TLS settings go to them as libpq environment
/// variables, the password in PGPASSWORD only.
/// </summary>
public sealed class PostgresDatabaseBackup(PostgresDatabaseLocation location, ICommandRunner runner, TimeProvider? time = null) : IDatabaseBackup
{
    /// <summary>The method recorded in backup.json.</summary>
    public const string Method = "pg_dump --format=custom (exported snapshot)";

    // Every ordinary and partitioned table outside the catalogs, with its exact row count.
    private const string CountQuery =
        "SELECT n.nspname || '.' || c.relname, "
        + "(xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text "
        + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' ORDER BY 1;";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task<DatabaseBackupFile> BackupAsync(string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, $"{SafeFileName(location.Database)}.pgdump");
        var done = target + ".done";
        var script = target + ".sql";
        File.Delete(done);
        // psql holds the snapshot while pg_dump (run by \!) reads it; the counts come after, in the same
        // snapshot. \! reports no exit code in psql 15, so pg_dump's success is the marker file.
        await File.WriteAllTextAsync(script, string.Join('\n',
            "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;",
            "SELECT pg_export_snapshot() AS dx_snapshot \\gset",
            "\\setenv DX_SNAPSHOT :dx_snapshot",
            $"\\! pg_dump --snapshot=\"$DX_SNAPSHOT\" --format=custom --no-owner --file {ShellQuote(target)} && touch {ShellQuote(done)}",
            CountQuery,
            "COMMIT;",
            string.Empty), cancellationToken).ConfigureAwait(false);
        CommandResult result;
        try
        {
            result = await PsqlAsync(location.Database, ["--file", script], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(script);
        }

        if (!File.Exists(done))
        {
            throw new DatabaseBackupException($"pg_dump failed for {location.Describe()}: {result.Tail(10)}");
        }

        File.Delete(done);
        return new DatabaseBackupFile(target, Method) { RowCounts = ParseCounts(result.Output) };
    }

    /// <inheritdoc />
    public async Task<string> VerifyAsync(DatabaseBackupFile backup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backup);
        RequireCounts(backup);
        var scratch = DatabaseName("dxverify");
        await CreateDatabaseAsync(scratch, cancellationToken).ConfigureAwait(false);
        try
        {
            await RestoreIntoAsync(backup, scratch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await PsqlAsync(location.MaintenanceDatabase, ["--command", $"DROP DATABASE IF EXISTS {Identifier(scratch)}"], CancellationToken.None).ConfigureAwait(false);
        }

        return $"the PostgreSQL dump {Path.GetFileName(backup.FilePath)} restored into the scratch database {scratch} (dropped since) has the live database's row counts of the dump's snapshot ({TableRowCounts.Describe(backup.RowCounts)})";
    }

    /// <inheritdoc />
    public async Task<string> CheckRestorableAsync(CancellationToken cancellationToken = default)
    {
        var result = await PsqlAsync(location.MaintenanceDatabase, ["--command",
            "SELECT r.rolsuper, r.rolcreatedb, d.datdba = r.oid FROM pg_roles r, pg_database d "
            + $"WHERE r.rolname = current_user AND d.datname = {Literal(location.Database)}"], cancellationToken).ConfigureAwait(false);
        var row = result.Output.Trim().Split('\t');
        if (row.Length != 3)
        {
            throw new DatabaseBackupException($"{location.Describe()}: the database {location.Database} was not found from {location.MaintenanceDatabase}.");
        }

        bool Yes(int i) => row[i].Trim() == "t";
        if (!Yes(0) && !(Yes(1) && Yes(2)))
        {
            throw new DatabaseBackupException(
                $"{location.User} cannot restore {location.Database}: a restore creates a new database and renames it in place, which needs CREATEDB and ownership of {location.Database} (or superuser). "
                + $"Grant them (ALTER ROLE {location.User} CREATEDB; ALTER DATABASE {location.Database} OWNER TO {location.User}), or back up and restore the database yourself.");
        }

        return $"{location.User} may create databases and rename {location.Database} ({(Yes(0) ? "superuser" : "CREATEDB, owner")})";
    }

    /// <inheritdoc />
    public async Task<string> RestoreAsync(DatabaseBackupFile backup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backup);
        RequireCounts(backup);
        var incoming = DatabaseName("dxrestore");
        var aside = DatabaseName("dxreplaced");
        await CreateDatabaseAsync(incoming, cancellationToken).ConfigureAwait(false);
        try
        {
            await RestoreIntoAsync(backup, incoming, cancellationToken).ConfigureAwait(false);
            // One transaction: either both renames happen or neither (it fails while anyone is connected).
            await PsqlAsync(location.MaintenanceDatabase, ["--command",
                $"BEGIN; ALTER DATABASE {Identifier(location.Database)} RENAME TO {Identifier(aside)}; ALTER DATABASE {Identifier(incoming)} RENAME TO {Identifier(location.Database)}; COMMIT;"],
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await PsqlAsync(location.MaintenanceDatabase, ["--command", $"DROP DATABASE IF EXISTS {Identifier(incoming)}"], CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return $"{location.Database} replaced by the dump {Path.GetFileName(backup.FilePath)} ({TableRowCounts.Describe(backup.RowCounts)}): restored into {incoming}, checked, swapped in by rename; the replaced database is kept as {aside}";
    }

    /// <summary>Parses psql's tab-separated "schema.table	count" lines.</summary>
    internal static SortedDictionary<string, long> ParseCounts(string output)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                counts[parts[0]] = count;
            }
        }

        return counts;
    }

    private async Task RestoreIntoAsync(DatabaseBackupFile backup, string database, CancellationToken cancellationToken)
    {
        if (!File.Exists(backup.FilePath))
        {
            throw new DatabaseBackupException($"The PostgreSQL dump {backup.FilePath} does not exist.");
        }

        await RunAsync("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", database, backup.FilePath], cancellationToken).ConfigureAwait(false);
        var counts = ParseCounts((await PsqlAsync(database, ["--command", CountQuery], cancellationToken).ConfigureAwait(false)).Output);
        TableRowCounts.EnsureEqual(backup.RowCounts, counts, $"The PostgreSQL dump {backup.FilePath}, restored into {database}, does not match the live database");
    }

    private async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        // The new database gets the live one's encoding and locale, from template0 (no local additions).
        var settings = (await PsqlAsync(location.MaintenanceDatabase, ["--command",
            $"SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database WHERE datname = {Literal(location.Database)}"], cancellationToken).ConfigureAwait(false))
            .Output.Trim().Split('\t');
        var with = settings.Length == 3
            ? $" ENCODING {Literal(settings[0])} LC_COLLATE {Literal(settings[1])} LC_CTYPE {Literal(settings[2])}"
            : string.Empty;
        await PsqlAsync(location.MaintenanceDatabase, ["--command", $"CREATE DATABASE {Identifier(name)} TEMPLATE template0{with}"], cancellationToken).ConfigureAwait(false);
    }

    private static void RequireCounts(DatabaseBackupFile backup)
    {
        if (backup.RowCounts.Count == 0)
        {
            throw new DatabaseBackupException($"The PostgreSQL dump {backup.FilePath} has no row counts to be compared with (an older backup): make a new backup.");
        }
    }

    private string DatabaseName(string purpose)
    {
        var suffix = $"_{purpose}_{_time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        // PostgreSQL names are at most 63 bytes.
        var head = location.Database.Length + suffix.Length > 63 ? location.Database[..(63 - suffix.Length)] : location.Database;
        return head + suffix;
    }

    private Task<CommandResult> PsqlAsync(string database, string[] arguments, CancellationToken cancellationToken) =>
        RunAsync("psql", ["--no-psqlrc", "--quiet", "--no-align", "--tuples-only", "--field-separator=\t", "--set", "ON_ERROR_STOP=1", "--dbname", database, .. arguments], cancellationToken);

    private async Task<CommandResult> RunAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var command = new CommandLine(tool, arguments) { Environment = Environment() };
        try
        {
            return await runner.RunCheckedAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandFailedException e)
        {
            throw new DatabaseBackupException($"{tool} failed for {location.Describe()} (exit code {e.Result.ExitCode}): {e.Result.Tail(10)}", e);
        }
    }

    // libpq variables, so that pg_dump started by psql's \! connects the same way; the password never
    // goes on a command line (process lists, logs).
    private Dictionary<string, string> Environment()
    {
        var variables = new Dictionary<string, string>
        {
            ["PGHOST"] = location.Host,
            ["PGPORT"] = location.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = location.User,
            ["PGDATABASE"] = location.Database,
        };
        if (location.Password is not null)
        {
            variables["PGPASSWORD"] = location.Password;
        }

        foreach (var (key, value) in location.Ssl?.Environment() ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        return variables;
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string SafeFileName(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
