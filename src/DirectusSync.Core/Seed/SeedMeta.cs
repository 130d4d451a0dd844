namespace DirectusSync.Core.Seed;

/// <summary>
/// A seed's <c>meta</c>: when it is pushed and which of create, update and delete it allows.
/// </summary>
public sealed record SeedMeta
{
    /// <summary>Seeds with an order are pushed first, ascending; the others follow in load order.</summary>
    public int? InsertOrder { get; init; }

    /// <summary>Items missing on the target are created.</summary>
    public bool Create { get; init; } = true;

    /// <summary>Items that differ on the target are updated.</summary>
    public bool Update { get; init; } = true;

    /// <summary>Tracked target items no seed holds any more are deleted.</summary>
    public bool Delete { get; init; } = true;

    /// <summary>New items get their <c>_sync_id</c> as primary key.</summary>
    public bool PreserveIds { get; init; }

    /// <summary>Fields neither compared nor sent on update.</summary>
    public IReadOnlyList<string> IgnoreOnUpdate { get; init; } = [];

    /// <summary>
    /// Two seeds of one collection merged: create, update and delete are ANDed, preserve_ids is ORed, the ignore
    /// lists are concatenated and the lower insert order is kept.
    /// </summary>
    public SeedMeta Merge(SeedMeta other) => new()
    {
        InsertOrder = (InsertOrder, other.InsertOrder) switch
        {
            (null, var o) => o,
            (var o, null) => o,
            var (a, b) => Math.Min(a!.Value, b!.Value),
        },
        Create = Create && other.Create,
        Update = Update && other.Update,
        Delete = Delete && other.Delete,
        PreserveIds = PreserveIds || other.PreserveIds,
        IgnoreOnUpdate = [.. IgnoreOnUpdate, .. other.IgnoreOnUpdate],
    };
}
