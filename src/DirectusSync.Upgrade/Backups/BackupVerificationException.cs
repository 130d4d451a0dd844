namespace DirectusSync.Upgrade.Backups;

/// <summary>A backup does not load, or does not match the server it was taken from.</summary>
public sealed class BackupVerificationException(string message, Exception? inner = null) : Exception(message, inner);
