using DirectusSync.Cake.Processes;

namespace DirectusSync.Cake.Databases;

/// <summary>Picks the backup for a database location.</summary>
public static class DatabaseBackups
{
    /// <summary>The backup of <paramref name="location"/>.</summary>
    public static IDatabaseBackup For(DatabaseLocation location, ICommandRunner runner) => location switch
    {
        SqliteDatabaseLocation sqlite => new SqliteDatabaseBackup(sqlite, runner),
        PostgresDatabaseLocation pg => new PostgresDatabaseBackup(pg, runner),
        _ => throw new ArgumentException($"No backup for {location.Describe()}.", nameof(location)),
    };
}
