using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model.Collections;

/// <summary>settings: the singleton; file and URL fields are environment-specific, so never synced.</summary>
/// <remarks>settings: the singleton, known by the project's name.</remarks>
internal sealed class SettingsCollection : CollectionBehavior
{
    /// <summary>The collection's declaration.</summary>
    public static CollectionDefinition Definition { get; } = new()
    {
        Name = "settings",
        IsSingleton = true,
        IgnoredFields = ["project_logo", "public_foreground", "public_background", "public_favicon", "project_url", "project_id"],
        Relations = [RelationPath.Parse("public_registration_role", "roles"), RelationPath.Parse("storage_default_folder", "folders")],
        Behavior = new SettingsCollection(),
    };

    /// <inheritdoc />
    public override string? Label(JObject item) => Text(item, "project_name");

    /// <summary>The settings row.</summary>
    public override IEnumerable<(string SyncId, string LocalId)> DefaultRows(PlaceholderTargets targets)
    {
        if (targets.Settings is not null) yield return (Placeholders.Settings, targets.Settings);
    }
}
