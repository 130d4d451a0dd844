using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model.Collections;

/// <summary>settings: the singleton, known by the project's name.</summary>
internal sealed class SettingsBehavior : CollectionBehavior
{
    /// <inheritdoc />
    public override string? Label(JObject item) => Text(item, "project_name");
}
