namespace DirectusSync.Upgrade.Databases;

/// <summary>
/// Reads a Directus <c>.env</c> file (KEY=VALUE lines, # comments, optional quotes): where the upgrade
/// finds the database to back up and whether a licence is configured.
/// </summary>
public sealed class DirectusEnvFile
{
    private readonly Dictionary<string, string> _values;

    private DirectusEnvFile(string path, Dictionary<string, string> values)
    {
        FilePath = path;
        _values = values;
    }

    /// <summary>The file's absolute path.</summary>
    public string FilePath { get; }

    /// <summary>The folder relative database paths are resolved against (where Directus runs: the file's folder).</summary>
    public string Directory => Path.GetDirectoryName(FilePath)!;

    /// <summary>
    /// A value, or null when the key is absent or empty. Like Directus, <c>KEY_FILE</c> (a path) stands
    /// for KEY: the file's content, trimmed.
    /// </summary>
    public string? this[string key] =>
        _values.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : !key.EndsWith("_FILE", StringComparison.Ordinal) && _values.TryGetValue(key + "_FILE", out var path) && path.Length > 0
              && System.IO.File.Exists(Path.GetFullPath(path, Directory))
                ? System.IO.File.ReadAllText(Path.GetFullPath(path, Directory)).Trim()
                : null;

    /// <summary>True when <c>LICENSE_KEY</c> or <c>LICENSE_TOKEN</c> is set (Directus 12 then is not "Core").</summary>
    public bool HasLicence => this["LICENSE_KEY"] is not null || this["LICENSE_TOKEN"] is not null;

    /// <summary>Reads the file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static DirectusEnvFile Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!System.IO.File.Exists(full))
        {
            throw new FileNotFoundException($"The Directus env file {full} does not exist.", full);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in System.IO.File.ReadAllLines(full))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..];
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            values[line[..equals].Trim()] = value;
        }

        return new DirectusEnvFile(full, values);
    }

    /// <summary>
    /// The database the file points Directus at: a SQLite file (relative to the file's folder), a PostgreSQL
    /// database (DB_HOST…, or DB_CONNECTION_STRING, with DB_SSL*), or an <see cref="UnsupportedDatabaseLocation"/>
    /// naming why DirectusSync cannot copy it (MySQL, MS SQL…), on which the upgrade refuses to stop Directus.
    /// </summary>
    public DatabaseLocation Database()
    {
        var client = this["DB_CLIENT"];
        switch (client)
        {
            case "sqlite3":
                return this["DB_FILENAME"] is { } file
                    ? new SqliteDatabaseLocation(Path.GetFullPath(file, Directory))
                    : new UnsupportedDatabaseLocation("SQLite", $"DB_FILENAME is not set in {FilePath}");
            case "pg" or "postgres" or "postgresql":
                return Postgres();
            case null:
                return new UnsupportedDatabaseLocation("unknown", $"DB_CLIENT is not set in {FilePath}");
            default:
                return new UnsupportedDatabaseLocation(client, "DirectusSync copies SQLite and PostgreSQL databases only");
        }
    }

    private DatabaseLocation Postgres()
    {
        PostgresDatabaseLocation location;
        if (this["DB_CONNECTION_STRING"] is { } connectionString)
        {
            if (PostgresConnectionString.TryParse(connectionString, out var parsed, out var error))
            {
                location = parsed;
            }
            else
            {
                return new UnsupportedDatabaseLocation("PostgreSQL", $"DB_CONNECTION_STRING in {FilePath}: {error}");
            }
        }
        else
        {
            location = new PostgresDatabaseLocation(
                this["DB_HOST"] ?? "localhost",
                int.TryParse(this["DB_PORT"], out var port) ? port : 5432,
                this["DB_DATABASE"] ?? "directus",
                this["DB_USER"] ?? "postgres",
                this["DB_PASSWORD"]);
        }

        // An sslmode in the connection string wins over DB_SSL*.
        if (location.Ssl is not null)
        {
            return location;
        }

        var ssl = Ssl(out var sslError);
        return sslError is not null
            ? new UnsupportedDatabaseLocation("PostgreSQL", sslError)
            : location with { Ssl = ssl };
    }

    /// <summary>DB_SSL* (Directus passes them to node-postgres as <c>ssl</c>) as libpq settings.</summary>
    private PostgresSsl? Ssl(out string? error)
    {
        error = null;
        var keys = _values.Keys.Where(k => k.StartsWith("DB_SSL", StringComparison.Ordinal)).ToList();
        if (keys.Count == 0 || this["DB_SSL"] is "false")
        {
            return null;
        }

        if (this["DB_SSL__KEY"] is not null || this["DB_SSL__CERT"] is not null)
        {
            error = $"DB_SSL__KEY/DB_SSL__CERT are given inline in {FilePath}: the PostgreSQL tools read them from files (DB_SSL__KEY_FILE, DB_SSL__CERT_FILE)";
            return null;
        }

        var rootCertificate = PathOf("DB_SSL__CA_FILE");
        if (rootCertificate is null && this["DB_SSL__CA"] is { } ca)
        {
            // A CA certificate is public: written to a file libpq can read.
            rootCertificate = Path.Combine(Path.GetTempPath(), $"directus-sync-ca-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ca)))[..16]}.pem");
            System.IO.File.WriteAllText(rootCertificate, ca.Replace("\\n", "\n", StringComparison.Ordinal));
        }

        // node-postgres verifies the server's certificate unless rejectUnauthorized is false.
        var mode = this["DB_SSL__REJECT_UNAUTHORIZED"] is "false" ? "require" : "verify-full";
        return new PostgresSsl(mode, rootCertificate, PathOf("DB_SSL__CERT_FILE"), PathOf("DB_SSL__KEY_FILE"));
    }

    private string? PathOf(string key) => this[key] is { } path ? Path.GetFullPath(path, Directory) : null;
}
