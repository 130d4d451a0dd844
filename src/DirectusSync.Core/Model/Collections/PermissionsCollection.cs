using DirectusSync.Core.Diff;
using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model.Collections;

/// <summary>permissions (integer ids), keyed in files by policy, collection and action.</summary>
/// <remarks>
/// permissions: known by the collection and action they grant. Directus refuses a second permission of one policy
/// for one collection and action, so an untracked duplicate of one the push creates is removed first.
/// </remarks>
internal sealed class PermissionsCollection : CollectionBehavior
{
    /// <summary>The collection's declaration.</summary>
    public static CollectionDefinition Definition { get; } = new()
    {
        Name = "permissions",
        HasIntegerIds = true,
        Order = ItemOrder.ByPolicyCollectionAction,
        Relations = [RelationPath.Parse("policy", "policies")],
        Behavior = new PermissionsCollection(),
    };

    /// <inheritdoc />
    public override string? Label(JObject item) =>
        Text(item, "collection") is { } target ? $"{target}.{Text(item, "action") ?? "?"}" : null;

    /// <summary>Policy, collection and action.</summary>
    public override IReadOnlyList<string?>? NaturalKey(Func<string, string, string?> related, Func<string, string?> text) =>
        [related("policy", "policies"), text("collection"), text("action")];

    /// <inheritdoc />
    public override CollectionSteps? PlanSteps(LiveCollection live, PlannedIds planned) => new RemoveDuplicates(live, planned);

    private sealed class RemoveDuplicates(LiveCollection live, PlannedIds planned) : CollectionSteps
    {
        public override IEnumerable<PlanOperation> BeforeCreates(IReadOnlyList<CreateItem> creates)
        {
            var tracked = live.IdMaps.Select(m => m.LocalId)
                .Concat(planned.NewMaps.Where(m => m.Collection == Definition.Name).Select(m => m.LocalId))
                .ToHashSet(StringComparer.Ordinal);
            return DuplicatePermissions.Find(creates, live.Items, tracked, id => planned.LocalIdOf("policies", id));
        }
    }
}
