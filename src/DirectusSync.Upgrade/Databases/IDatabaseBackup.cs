namespace DirectusSync.Upgrade.Databases;

/// <summary>
/// Copies a Directus database aside while it runs, proves the copy by restoring it somewhere else and
/// comparing it with the live database, and puts it back (with Directus stopped) without ever leaving the
/// live database half-written.
/// </summary>
public interface IDatabaseBackup
{
    /// <summary>
    /// Writes a consistent copy of the live database into <paramref name="directory"/>, with every table's
    /// row count read in the same snapshot; returns the file written and how it was made.
    /// </summary>
    Task<DatabaseBackupFile> BackupAsync(string directory, CancellationToken cancellationToken = default);

    /// <summary>
    /// Restores the copy into a scratch place (a temporary file, a scratch database), compares it table by
    /// table with the live database's counts of the copy's moment, removes the scratch place; returns what
    /// was proven.
    /// </summary>
    /// <exception cref="DatabaseBackupException">The copy does not restore, or does not match.</exception>
    Task<string> VerifyAsync(DatabaseBackupFile backup, CancellationToken cancellationToken = default);

    /// <summary>Checks, while nothing is stopped yet, that a restore will be allowed (folder writable, privileges); returns what was checked.</summary>
    /// <exception cref="DatabaseBackupException">A restore would fail.</exception>
    Task<string> CheckRestorableAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the live database with the copy. Directus must be stopped. The copy is restored and checked
    /// beside the live database first and swapped in by renames; the database it replaces is kept aside.
    /// Returns what was done.
    /// </summary>
    /// <exception cref="DatabaseBackupException">The restore failed; the live database is as it was before the call.</exception>
    Task<string> RestoreAsync(DatabaseBackupFile backup, CancellationToken cancellationToken = default);
}
