using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model.Collections;

/// <summary>permissions: known by the collection and action they grant.</summary>
internal sealed class PermissionsBehavior : CollectionBehavior
{
    /// <inheritdoc />
    public override string? Label(JObject item) =>
        Text(item, "collection") is { } target ? $"{target}.{Text(item, "action") ?? "?"}" : null;

    /// <summary>Policy, collection and action.</summary>
    public override IReadOnlyList<string?>? NaturalKey(Func<string, string, string?> related, Func<string, string?> text) =>
        [related("policy", "policies"), text("collection"), text("action")];
}
