using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model.Collections;

/// <summary>presets: known by their bookmark name, else the collection they lay out.</summary>
internal sealed class PresetsBehavior : CollectionBehavior
{
    /// <inheritdoc />
    public override string? Label(JObject item) => Text(item, "bookmark") ?? Text(item, "collection");

    /// <summary>Role, collection and bookmark.</summary>
    public override IReadOnlyList<string?>? NaturalKey(Func<string, string, string?> related, Func<string, string?> text) =>
        [related("role", "roles"), text("collection"), text("bookmark")];
}
