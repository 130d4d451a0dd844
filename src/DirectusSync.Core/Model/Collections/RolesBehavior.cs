namespace DirectusSync.Core.Model.Collections;

/// <summary>roles: the sync user's role is a default row, met through its placeholder.</summary>
internal sealed class RolesBehavior : CollectionBehavior
{
    /// <summary>The sync user's role.</summary>
    public override IEnumerable<(string SyncId, string LocalId)> DefaultRows(PlaceholderTargets targets)
    {
        if (targets.AdminRole is not null) yield return (Placeholders.AdminRole, targets.AdminRole);
    }
}
