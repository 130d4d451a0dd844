namespace DirectusSync.Core.Diff;

/// <summary>
/// The plan cannot be applied as it stands (e.g. a relation names a sync id that is neither in the dump
/// nor on the target). Thrown before the first write.
/// </summary>
public sealed class PlanValidationException(IReadOnlyList<string> problems)
    : Exception("The dump cannot be pushed; nothing was written:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    /// <summary>Each problem, naming the collection file, item and field.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
