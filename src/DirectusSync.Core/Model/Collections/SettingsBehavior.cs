using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model.Collections;

/// <summary>settings: the singleton, known by the project's name.</summary>
internal sealed class SettingsBehavior : CollectionBehavior
{
    /// <inheritdoc />
    public override string? Label(JObject item) => Text(item, "project_name");

    /// <summary>The settings row.</summary>
    public override IEnumerable<(string SyncId, string LocalId)> DefaultRows(PlaceholderTargets targets)
    {
        if (targets.Settings is not null) yield return (Placeholders.Settings, targets.Settings);
    }
}
