namespace DirectusSync.Core.Model.Collections;

/// <summary>roles.</summary>
/// <remarks>roles: the sync user's role is a default row, met through its placeholder.</remarks>
internal sealed class RolesCollection : CollectionBehavior
{
    /// <summary>The collection's declaration.</summary>
    public static CollectionDefinition Definition { get; } = new()
    {
        Name = "roles",
        MayPreserveIds = true,
        IgnoredFields = ["users", "children", "policies"],
        Relations = [RelationPath.Parse("parent", "roles")],
        Behavior = new RolesCollection(),
    };

    /// <summary>The sync user's role.</summary>
    public override IEnumerable<(string SyncId, string LocalId)> DefaultRows(PlaceholderTargets targets)
    {
        if (targets.AdminRole is not null) yield return (Placeholders.AdminRole, targets.AdminRole);
    }
}
