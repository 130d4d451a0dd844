namespace DirectusSync.Upgrade.Databases;

/// <summary>A database could not be backed up, verified or restored.</summary>
public sealed class DatabaseBackupException(string message, Exception? inner = null) : Exception(message, inner);
