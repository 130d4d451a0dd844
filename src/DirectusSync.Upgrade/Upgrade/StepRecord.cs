namespace DirectusSync.Upgrade.Upgrade;

/// <summary>What one step did, how long it took and how it ended (one row and one section of the report).</summary>
public sealed class StepRecord(UpgradeStep step, DateTimeOffset started)
{
    private readonly List<string> _details = [];

    /// <summary>The step.</summary>
    public UpgradeStep Step { get; } = step;

    /// <summary>When it started.</summary>
    public DateTimeOffset Started { get; } = started;

    /// <summary>How long it took (set when it ends).</summary>
    public TimeSpan Duration { get; private set; }

    /// <summary>How it ended.</summary>
    public StepOutcome Outcome { get; private set; } = StepOutcome.Pending;

    /// <summary>One line on what it did, or why it failed.</summary>
    public string Summary { get; private set; } = string.Empty;

    /// <summary>What it did, line by line.</summary>
    public IReadOnlyList<string> Details => _details;

    /// <summary>Adds a line to the details.</summary>
    public void Note(string line) => _details.Add(line);

    /// <summary>Ends the step.</summary>
    public void End(StepOutcome outcome, string summary, DateTimeOffset now)
    {
        Outcome = outcome;
        Summary = summary;
        Duration = now - Started;
    }
}
