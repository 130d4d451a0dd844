using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Model;

/// <summary>
/// Steps of its own a collection adds to one plan, or the order it needs its writes in (operations release the
/// links others still hold; permissions remove untracked duplicates of what they create). One per diff, so it may
/// remember what it planned. The defaults add nothing and keep the differ's order.
/// </summary>
public class CollectionSteps
{
    /// <summary>The steps that run before a run of consecutive creates of the collection. Default: none.</summary>
    public virtual IEnumerable<PlanOperation> BeforeCreates(IReadOnlyList<CreateItem> creates) => [];

    /// <summary>A run of deferred relation updates (set once their targets exist), in the order they run. Default: as given.</summary>
    public virtual IEnumerable<PlanOperation> OrderDeferred(IReadOnlyList<UpdateItem> updates) => updates;

    /// <summary>The collection's updates, in the order they run. Default: as given.</summary>
    public virtual IEnumerable<PlanOperation> OrderUpdates(IReadOnlyList<UpdateItem> updates) => updates;
}
