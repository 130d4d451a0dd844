namespace DirectusSync.Core.Model;

/// <summary>The local ids the placeholders resolve to on one instance (null when the instance has none).</summary>
/// <param name="AdminRole">The sync user's role.</param>
/// <param name="AdminPolicy">The first admin-access policy attached to that role.</param>
/// <param name="PublicPolicy">The first policy with a role-less, user-less access row (sort 1 or null).</param>
/// <param name="Settings">The settings row id.</param>
public sealed record PlaceholderTargets(string? AdminRole, string? AdminPolicy, string? PublicPolicy, string? Settings)
{
    /// <summary>The (table, sync id, local id) triples that are resolvable.</summary>
    /// <remarks>Each collection says which of its default rows these are (<see cref="CollectionBehavior.DefaultRows"/>).</remarks>
    public IEnumerable<(string Table, string SyncId, string LocalId)> All() =>
        SystemCollections.All.SelectMany(c => c.Behavior.DefaultRows(this).Select(r => (Table: c.Name, r.SyncId, r.LocalId)))
            .OrderBy(p => Array.IndexOf(FieldOrder, p.SyncId));

    // Listed in the order of this record's fields (admin role, admin policy, public policy, settings), whatever the
    // order of the collections.
    private static readonly string[] FieldOrder = [Placeholders.AdminRole, Placeholders.AdminPolicy, Placeholders.PublicPolicy, Placeholders.Settings];

    /// <summary>The placeholder a local id must be mapped to, if it is one of the defaults.</summary>
    public string? PlaceholderFor(string table, string localId) =>
        All().FirstOrDefault(p => p.Table == table && p.LocalId == localId).SyncId;
}
