namespace DirectusSync.Cake.Settings;

/// <summary>Settings of <c>DirectusSyncWaitReady</c> (no credentials needed: /server/ping is anonymous).</summary>
public sealed class DirectusSyncWaitReadySettings : DirectusConnectionSettings
{
    /// <summary>How long to wait (2 min).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Pause between two pings (500 ms).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(500);
}
