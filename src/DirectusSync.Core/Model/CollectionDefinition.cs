using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model;

/// <summary>
/// Everything the sync needs to know about one tracked system collection (the reference's per-collection
/// classes): its endpoint, the fields a dump leaves out, the fields that point at other tracked items, its id
/// and ordering rules, and what it does differently from the plain rules (<see cref="Behavior"/>). Each is
/// declared in its own file under <c>Model/Collections/</c>.
/// </summary>
public sealed record CollectionDefinition
{
    /// <summary>The short name used in dumps, flags and the id map (e.g. <c>roles</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The Directus collection (e.g. <c>directus_roles</c>).</summary>
    public string DirectusCollection => $"directus_{Name}";

    /// <summary>Fields removed from dumps and ignored by the diff (besides <c>id</c>).</summary>
    public IReadOnlyList<string> IgnoredFields { get; init; } = [];

    /// <summary>Fields that hold ids of tracked items; they are written as sync ids.</summary>
    public IReadOnlyList<RelationPath> Relations { get; init; } = [];

    /// <summary>The item's id is its sync id, always (flows: webhook URLs; folders: file fields).</summary>
    public bool AlwaysPreservesIds { get; init; }

    /// <summary>May be named in <c>--preserve-ids</c>.</summary>
    public bool MayPreserveIds { get; init; }

    /// <summary>The primary key is an integer (permissions, presets).</summary>
    public bool HasIntegerIds { get; init; }

    /// <summary>A single row that is read with <c>GET /settings</c>, updated in place, never created or deleted.</summary>
    public bool IsSingleton { get; init; }

    /// <summary>How items are ordered in the dump file.</summary>
    public ItemOrder Order { get; init; } = ItemOrder.BySyncId;

    /// <summary>
    /// Merged into the list query after the onQuery hooks (extra fields, filters), as the reference does.
    /// Returned as a fresh object each time, so callers may change it.
    /// </summary>
    public Func<JObject>? QueryAdditions { get; init; }

    /// <summary>What this collection does differently from the plain rules (<see cref="CollectionBehavior.Plain"/> when nothing).</summary>
    public CollectionBehavior Behavior { get; init; } = CollectionBehavior.Plain;

    /// <summary>The relations that point at another collection (or at this one).</summary>
    public IEnumerable<RelationPath> RelationsTo(string collection) =>
        Relations.Where(r => r.TargetCollection == collection);

    /// <inheritdoc />
    public override string ToString() => Name;
}
