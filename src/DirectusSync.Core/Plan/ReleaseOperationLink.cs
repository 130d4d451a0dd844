namespace DirectusSync.Core.Plan;

/// <summary>
/// Set an operation's <c>resolve</c> or <c>reject</c> to null so that another operation can take that next step:
/// Directus keeps both unique. The holder's own update (if the dump keeps it) later sets the value the dump wants.
/// </summary>
/// <param name="Collection">Always <c>operations</c>.</param>
/// <param name="SyncId">The holder's sync id, or its id on the target when the sync does not track it.</param>
/// <param name="LocalId">The holder's id on the target, or null when this push creates it.</param>
/// <param name="Field"><c>resolve</c> or <c>reject</c>.</param>
/// <param name="ReleasedFor">The sync id of the operation that takes the next step.</param>
/// <param name="BeforeUpdate">
/// True when the taker is an item update (dropped with updates in add mode); false before a create or a deferred link.
/// </param>
/// <param name="Reason">Why, in words.</param>
public sealed record ReleaseOperationLink(
    string Collection, string SyncId, string? LocalId, string Field, string ReleasedFor, bool BeforeUpdate, string Reason)
    : PlanOperation(Collection, SyncId)
{
    /// <inheritdoc />
    public override string Kind => "release";
}
