using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model.Collections;

/// <summary>presets: only global and role presets (no user's own bookmarks).</summary>
/// <remarks>presets: known by their bookmark name, else the collection they lay out.</remarks>
internal sealed class PresetsCollection : CollectionBehavior
{
    /// <summary>The collection's declaration.</summary>
    public static CollectionDefinition Definition { get; } = new()
    {
        Name = "presets",
        HasIntegerIds = true,
        IgnoredFields = ["user"],
        Relations = [RelationPath.Parse("role", "roles")],
        QueryAdditions = () => new JObject { ["filter"] = new JObject { ["user"] = new JObject { ["_null"] = true } } },
        Behavior = new PresetsCollection(),
    };

    /// <inheritdoc />
    public override string? Label(JObject item) => Text(item, "bookmark") ?? Text(item, "collection");

    /// <summary>Role, collection and bookmark.</summary>
    public override IReadOnlyList<string?>? NaturalKey(Func<string, string, string?> related, Func<string, string?> text) =>
        [related("role", "roles"), text("collection"), text("bookmark")];
}
