namespace DirectusSync.Core.Logging;

/// <summary>A log that drops everything.</summary>
public sealed class NullSyncLog : ISyncLog
{
    /// <summary>The one instance.</summary>
    public static NullSyncLog Instance { get; } = new();

    /// <inheritdoc />
    public void Write(SyncLogLevel level, string scope, string message)
    {
    }
}
