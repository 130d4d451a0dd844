namespace DirectusSync.Core.Workflow;

/// <summary>What the <see cref="DeletionGuard"/> found in one plan: the deletions that need a consent not given.</summary>
/// <param name="Items">Item deletions stopped.</param>
/// <param name="Schema">Collections, fields and relations that would be dropped without consent.</param>
public sealed record DeletionGuardVerdict(IReadOnlyList<ItemDeletionRefusal> Items, IReadOnlyList<SchemaDeletion> Schema)
{
    /// <summary>Nothing stopped.</summary>
    public static DeletionGuardVerdict Clear { get; } = new([], []);

    /// <summary>True when the push must not run.</summary>
    public bool IsRefused => Items.Count > 0 || Schema.Count > 0;

    /// <summary>One line per refusal (no item values: names and counts only).</summary>
    public IReadOnlyList<string> Describe() =>
    [
        .. Schema.Select(s => s.Describe()),
        .. Items.Select(i => i.Collection is null ? i.Reason : $"[{i.Collection}] {i.Reason}"),
    ];
}
