namespace DirectusSync.Core.Logging;

/// <summary>How much a log line matters.</summary>
public enum SyncLogLevel
{
    /// <summary>Details (the reference's --debug lines).</summary>
    Debug,

    /// <summary>Progress and counts.</summary>
    Info,

    /// <summary>Something was repaired or skipped.</summary>
    Warning,

    /// <summary>The run fails.</summary>
    Error,
}
