namespace DirectusSync.Core.Plan;

/// <summary>
/// Delete a permission the sync does not track that has the policy, collection and action of a permission the
/// plan creates: Directus does not keep that triple unique, so creating beside it would make a duplicate (the
/// reference deletes such rows first, too). Runs right before the permission creates.
/// </summary>
/// <param name="Collection">Always <c>permissions</c>.</param>
/// <param name="SyncId">The sync id of the permission whose create this makes room for.</param>
/// <param name="LocalId">The id of the untracked duplicate on the target.</param>
/// <param name="PermissionCollection">The collection both permissions are about.</param>
/// <param name="Action">The action both permissions are about.</param>
/// <param name="PolicyLocalId">The policy both belong to, as its id on the target.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record DeleteDuplicatePermission(
    string Collection, string SyncId, string LocalId, string PermissionCollection, string Action, string PolicyLocalId, string Reason)
    : PlanOperation(Collection, SyncId)
{
    /// <inheritdoc />
    public override string Kind => "remove-duplicate";
}
