using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model.Collections;

/// <summary>translations: known by key and language.</summary>
internal sealed class TranslationsBehavior : CollectionBehavior
{
    /// <inheritdoc />
    public override string? Label(JObject item) =>
        Text(item, "key") is { } key ? (Text(item, "language") is { } language ? $"{key} ({language})" : key) : null;
}
