namespace DirectusSync.Upgrade.Upgrade;

/// <summary>One action of a rollback, how it ended and why.</summary>
/// <param name="Name">What it does ("restore the database").</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Detail">What it did, why it failed, or what it waited for.</param>
public sealed record RollbackAction(string Name, RollbackActionOutcome Outcome, string Detail)
{
    /// <summary>"✔ restore the database: …" for the report.</summary>
    public override string ToString() => Outcome switch
    {
        RollbackActionOutcome.Done => $"✔ {Name}: {Detail}",
        RollbackActionOutcome.Failed => $"✘ {Name} FAILED: {Detail}",
        RollbackActionOutcome.Skipped => $"⏭ {Name} skipped: {Detail}",
        _ => $"– {Name} not needed: {Detail}",
    };
}
