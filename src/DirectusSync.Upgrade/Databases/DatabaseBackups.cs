using DirectusSync.Upgrade.Processes;

namespace DirectusSync.Upgrade.Databases;

/// <summary>Picks the backup for a database location.</summary>
public static class DatabaseBackups
{
    /// <summary>The backup of <paramref name="location"/>.</summary>
    /// <exception cref="DatabaseBackupException">DirectusSync cannot back up that database itself.</exception>
    public static IDatabaseBackup For(DatabaseLocation location, ICommandRunner runner, TimeProvider? time = null) => location switch
    {
        SqliteDatabaseLocation sqlite => new SqliteDatabaseBackup(sqlite, time),
        PostgresDatabaseLocation pg => new PostgresDatabaseBackup(pg, runner, time),
        _ => throw new DatabaseBackupException($"DirectusSync cannot back up {location.Describe()} itself."),
    };
}
