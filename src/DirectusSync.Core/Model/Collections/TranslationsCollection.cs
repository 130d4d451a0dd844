using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model.Collections;

/// <summary>translations (custom translation strings).</summary>
/// <remarks>translations: known by key and language, a pair Directus keeps unique.</remarks>
internal sealed class TranslationsCollection : CollectionBehavior
{
    /// <summary>The collection's declaration.</summary>
    public static CollectionDefinition Definition { get; } = new()
    {
        Name = "translations",
        MayPreserveIds = true,
        Behavior = new TranslationsCollection(),
    };

    /// <inheritdoc />
    public override string? Label(JObject item) =>
        Text(item, "key") is { } key ? (Text(item, "language") is { } language ? $"{key} ({language})" : key) : null;

    /// <summary>An update that changes key and language at once is split (see <see cref="SplitUpdate"/>); its writes stay on REST, in order.</summary>
    public override bool MayImport(UpdateItem update) =>
        !(update.Changes.ContainsKey("key") && update.Changes.ContainsKey("language"));

    /// <summary>
    /// Changing a translation's key and language at once can collide with the unique (key, language) pair on the
    /// way: the key is written first, on its own, then the rest.
    /// </summary>
    public override IEnumerable<UpdateItem> SplitUpdate(UpdateItem update)
    {
        if (!update.Changes.ContainsKey("key") || !update.Changes.ContainsKey("language"))
        {
            yield return update;
            yield break;
        }

        yield return update with
        {
            Changes = new JObject { ["key"] = update.Changes["key"]!.DeepClone() },
            Before = update.Before.TryGetValue("key", out var key) ? new JObject { ["key"] = key.DeepClone() } : new JObject(),
            IsPrelude = true,
            Reason = "key first, on its own: changing key and language in one write can collide with the unique (key, language) pair",
        };
        var rest = (JObject)update.Changes.DeepClone();
        rest.Remove("key");
        var before = (JObject)update.Before.DeepClone();
        before.Remove("key");
        yield return update with { Changes = rest, Before = before, Reason = "the rest after the key (written on its own just before)" };
    }
}
