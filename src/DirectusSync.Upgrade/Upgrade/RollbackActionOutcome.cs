namespace DirectusSync.Upgrade.Upgrade;

/// <summary>How one action of a rollback ended.</summary>
public enum RollbackActionOutcome
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>Tried, and it failed.</summary>
    Failed,

    /// <summary>Not tried: an action it depends on failed or was skipped.</summary>
    Skipped,

    /// <summary>Not tried: nothing to undo (e.g. the database was never migrated).</summary>
    NotNeeded,
}
