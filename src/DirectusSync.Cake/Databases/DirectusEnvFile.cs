namespace DirectusSync.Cake.Databases;

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

    /// <summary>A value, or null when the key is absent or empty.</summary>
    public string? this[string key] => _values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>True when <c>LICENSE_KEY</c> or <c>LICENSE_TOKEN</c> is set (Directus 12 then is not "Core").</summary>
    public bool HasLicence => this["LICENSE_KEY"] is not null || this["LICENSE_TOKEN"] is not null;

    /// <summary>Reads the file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static DirectusEnvFile Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The Directus env file {full} does not exist.", full);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(full))
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
    /// The database the file points Directus at: a SQLite file (relative to the file's folder) or a
    /// PostgreSQL database; null for other clients (MySQL, …), which the upgrade cannot back up itself.
    /// </summary>
    public DatabaseLocation? Database() => this["DB_CLIENT"] switch
    {
        "sqlite3" when this["DB_FILENAME"] is { } file => new SqliteDatabaseLocation(Path.GetFullPath(file, Directory)),
        "pg" or "postgres" or "postgresql" => new PostgresDatabaseLocation(
            this["DB_HOST"] ?? "localhost",
            int.TryParse(this["DB_PORT"], out var port) ? port : 5432,
            this["DB_DATABASE"] ?? "directus",
            this["DB_USER"] ?? "postgres",
            this["DB_PASSWORD"]),
        _ => null,
    };
}
