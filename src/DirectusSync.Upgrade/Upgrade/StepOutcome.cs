namespace DirectusSync.Upgrade.Upgrade;

/// <summary>How a step ended.</summary>
public enum StepOutcome
{
    /// <summary>Not finished (running, or the run stopped before it).</summary>
    Pending,

    /// <summary>Done.</summary>
    Succeeded,

    /// <summary>A gate said no: nothing unsafe was done.</summary>
    Refused,

    /// <summary>An error.</summary>
    Failed,
}
