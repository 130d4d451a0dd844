namespace DirectusSync.Core.Workflow;

/// <summary>
/// What the user agreed a push may delete beyond what the <see cref="DeletionGuard"/> lets through by itself.
/// Two kinds, two flags: items (<c>--allow-deletes</c>) and the schema's collections, fields and relations
/// (<c>--allow-schema-deletes</c>), so that a team used to passing one does not drop tables by accident.
/// </summary>
public sealed record DeletionConsent
{
    /// <summary>No consent: the guard's rule alone decides (the default of every front end).</summary>
    public static DeletionConsent None { get; } = new();

    /// <summary>Everything may be deleted (both flags).</summary>
    public static DeletionConsent Everything { get; } = new() { Items = true, Schema = true };

    /// <summary>--allow-deletes: any number of items may be deleted.</summary>
    public bool Items { get; init; }

    /// <summary>--allow-schema-deletes: collections (with their rows), fields (with their values) and relations may be dropped.</summary>
    public bool Schema { get; init; }

    /// <summary>
    /// When set, exactly these deletions (keys of <see cref="PlannedDeletions"/>) are allowed and every other one is
    /// refused, however small: a restore may delete what the backup says, nothing else. The two flags are ignored.
    /// </summary>
    public IReadOnlySet<string>? Only { get; init; }

    /// <summary>A consent to exactly <paramref name="keys"/> (see <see cref="PlannedDeletions.Keys"/>).</summary>
    public static DeletionConsent Exactly(IEnumerable<string> keys) => new() { Only = keys.ToHashSet(StringComparer.Ordinal) };
}
