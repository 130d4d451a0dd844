namespace DirectusSync.Cake.Databases;

/// <summary>Copies a Directus database aside, checks the copy, and puts it back (with Directus stopped).</summary>
public interface IDatabaseBackup
{
    /// <summary>Writes the copy into <paramref name="directory"/>; returns the file written and how it was made.</summary>
    Task<DatabaseBackupFile> BackupAsync(string directory, CancellationToken cancellationToken = default);

    /// <summary>Throws when the copy is unreadable.</summary>
    Task VerifyAsync(DatabaseBackupFile backup, CancellationToken cancellationToken = default);

    /// <summary>Replaces the database with the copy. Directus must be stopped.</summary>
    Task RestoreAsync(DatabaseBackupFile backup, CancellationToken cancellationToken = default);
}
