namespace DirectusSync.Cake.Databases;

/// <summary>A database copy in a backup folder.</summary>
/// <param name="FilePath">The copy's absolute path.</param>
/// <param name="Method">How it was made (e.g. "sqlite3 .backup", "file copy", "pg_dump --format=custom").</param>
public sealed record DatabaseBackupFile(string FilePath, string Method);
