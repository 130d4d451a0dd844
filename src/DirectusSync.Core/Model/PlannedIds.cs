using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Model;

/// <summary>Ids as the target will have them once a plan's id maps exist (items it adopts included).</summary>
/// <param name="SyncIdOf">(table, local id) → sync id, or null.</param>
/// <param name="LocalIdOf">(table, sync id) → local id, or null.</param>
/// <param name="NewMaps">The id maps the plan creates.</param>
public sealed record PlannedIds(
    Func<string, string, string?> SyncIdOf,
    Func<string, string, string?> LocalIdOf,
    IReadOnlyList<CreateIdMap> NewMaps);
