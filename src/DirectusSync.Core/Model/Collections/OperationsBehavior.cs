using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Model.Collections;

/// <summary>
/// operations: <c>resolve</c> and <c>reject</c> are unique, so the differ orders updates so that each takes next
/// steps nobody holds any more, and they are written one at a time, in that order.
/// </summary>
internal sealed class OperationsBehavior : CollectionBehavior
{
    /// <inheritdoc />
    public override bool WritesUpdatesInOrder => true;

    /// <summary>The import would write them in one transaction, in no order the differ chose: REST, one step at a time.</summary>
    public override bool MayImport(UpdateItem update) => false;
}
