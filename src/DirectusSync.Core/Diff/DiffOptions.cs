using DirectusSync.Core.Model;

namespace DirectusSync.Core.Diff;

/// <summary>What the differ compares and how.</summary>
public sealed record DiffOptions
{
    /// <summary>The collections to diff, in any order (the differ orders them).</summary>
    public required IReadOnlyList<CollectionDefinition> Collections { get; init; }

    /// <summary>Collections named in --preserve-ids (flows and folders always preserve).</summary>
    public IReadOnlySet<string> PreserveIds { get; init; } = new HashSet<string>();

    /// <summary>False: policies' role attachments are neither dumped nor diffed (--no-sync-policy-roles).</summary>
    public bool SyncPolicyRoles { get; init; } = true;

    /// <summary>
    /// False without the extension (<see cref="IdMapMode.Derived"/>): the maps are derived from the items, so the
    /// plan holds no id-map rows to create or delete.
    /// </summary>
    public bool StoresIdMaps { get; init; } = true;

    /// <summary>True when the collection creates items with <c>id = _syncId</c>.</summary>
    public bool PreservesIds(CollectionDefinition collection) =>
        collection.AlwaysPreservesIds || (collection.MayPreserveIds && PreserveIds.Contains(collection.Name));
}
