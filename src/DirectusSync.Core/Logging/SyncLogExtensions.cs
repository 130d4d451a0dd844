namespace DirectusSync.Core.Logging;

/// <summary>Shorthands for <see cref="ISyncLog"/>.</summary>
public static class SyncLogExtensions
{
    /// <summary>Writes a debug line.</summary>
    public static void Debug(this ISyncLog log, string scope, string message) => log.Write(SyncLogLevel.Debug, scope, message);

    /// <summary>Writes an info line.</summary>
    public static void Info(this ISyncLog log, string scope, string message) => log.Write(SyncLogLevel.Info, scope, message);

    /// <summary>Writes a warning.</summary>
    public static void Warn(this ISyncLog log, string scope, string message) => log.Write(SyncLogLevel.Warning, scope, message);

    /// <summary>Info when <paramref name="count"/> is above zero, else debug (the reference's rule for count lines).</summary>
    public static void Count(this ISyncLog log, string scope, int count, string message) =>
        log.Write(count > 0 ? SyncLogLevel.Info : SyncLogLevel.Debug, scope, message);
}
