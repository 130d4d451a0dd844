namespace DirectusSync.Upgrade.Upgrade;

/// <summary>A step failed; the message says what failed and, after the stop, what the rollback restored.</summary>
public sealed class UpgradeFailedException(UpgradeStep step, string message, bool rolledBack, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The step that failed.</summary>
    public UpgradeStep Step { get; } = step;

    /// <summary>True when a rollback ran and ended with the old version serving the backed-up configuration.</summary>
    public bool RolledBack { get; } = rolledBack;
}
