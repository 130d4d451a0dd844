namespace DirectusSync.Core.Logging;

/// <summary>
/// Where the core reports what it does; front ends write it to a console, Cake's log or MSBuild's.
/// The core never passes a token or password to it.
/// </summary>
public interface ISyncLog
{
    /// <summary>Writes one line; <paramref name="scope"/> is a collection name, "snapshot", "push"…</summary>
    void Write(SyncLogLevel level, string scope, string message);
}
