namespace DirectusSync.IntegrationTests.Upgrade;

/// <summary>Where the failure-matrix test makes an upgrade from 11.17.4 to 12.4.0 go wrong.</summary>
public enum UpgradeFault
{
    /// <summary>Installing 12.4.0 fails (after the stop and the bump).</summary>
    InstallFails,

    /// <summary>The migration runs to its end on the database, then reports failure (the worst case: the database is 12's).</summary>
    MigrateFails,

    /// <summary>12.4.0 never answers after its migration.</summary>
    StartFails,

    /// <summary>12.4.0 starts but has lost a field the backup holds, so the post-upgrade check fails.</summary>
    PostUpgradeCheckFails,

    /// <summary>Ctrl+C (or a cancelled CI job) while 12.4.0 installs, after Directus was stopped.</summary>
    CancelledAfterStop,

    /// <summary>The upgrade's process dies without a word after the migration; RollbackDirectus finishes the job from the backup folder.</summary>
    KilledAfterMigrate,
}
