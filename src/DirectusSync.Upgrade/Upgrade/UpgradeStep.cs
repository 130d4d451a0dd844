namespace DirectusSync.Upgrade.Upgrade;

/// <summary>The steps of an upgrade, in the order they run (each needs the one before).</summary>
public enum UpgradeStep
{
    /// <summary>Connect, read the version, diff the repository's dump against the server.</summary>
    Preflight,

    /// <summary>Pull into a dated backup folder, copy the database, verify both.</summary>
    Backup,

    /// <summary>Target newer and supported; major-version steps; licence gate.</summary>
    VersionCheck,

    /// <summary>Stop Directus.</summary>
    Stop,

    /// <summary>Point the installation at the target version.</summary>
    Bump,

    /// <summary>Install the target version.</summary>
    Install,

    /// <summary>Run the database migrations.</summary>
    Migrate,

    /// <summary>Start Directus and wait until it answers.</summary>
    Start,

    /// <summary>Wait healthy, pull, diff, push adjustments, prove nothing was lost.</summary>
    PostUpgrade,

    /// <summary>After a failure past the stop: old version and database back, backup pushed, diff clean.</summary>
    Rollback,
}
