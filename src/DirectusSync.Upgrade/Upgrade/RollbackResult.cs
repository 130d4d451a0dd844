namespace DirectusSync.Upgrade.Upgrade;

/// <summary>What a rollback did, action by action.</summary>
/// <param name="Actions">Every action, in order, with how it ended.</param>
public sealed record RollbackResult(IReadOnlyList<RollbackAction> Actions)
{
    /// <summary>True when every action needed was done: the old version serves the backed-up database and configuration.</summary>
    public bool IsComplete => Actions.All(a => a.Outcome is RollbackActionOutcome.Done or RollbackActionOutcome.NotNeeded);

    /// <summary>The rollback's verdict in one paragraph.</summary>
    public string Summary(string previous, string url, string backupDirectory) => IsComplete
        ? $"Rolled back: {string.Join("; ", Actions.Where(a => a.Outcome == RollbackActionOutcome.Done).Select(a => a.Name))}. Directus {previous} at {url} serves the backed-up database and configuration again."
        : $"The rollback is INCOMPLETE: {string.Join("; ", Actions.Where(a => a.Outcome is RollbackActionOutcome.Failed or RollbackActionOutcome.Skipped).Select(a => a.ToString()))}. "
          + $"Done: {(Actions.Any(a => a.Outcome == RollbackActionOutcome.Done) ? string.Join("; ", Actions.Where(a => a.Outcome == RollbackActionOutcome.Done).Select(a => a.Name)) : "nothing")}. "
          + $"Restore by hand from {backupDirectory} (backup.json says what it holds).";
}
