namespace DirectusSync.Upgrade.Upgrade;

/// <summary>A gate refused the upgrade before anything was stopped: nothing needs restoring.</summary>
public sealed class UpgradeRefusedException(UpgradeStep step, string message) : Exception(message)
{
    /// <summary>The step whose gate refused.</summary>
    public UpgradeStep Step { get; } = step;
}
