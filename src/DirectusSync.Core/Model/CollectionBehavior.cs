using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model;

/// <summary>
/// What one tracked collection does differently from the plain rules (its label, normalisation, write and
/// batch-import quirks, natural key). The plain rules are the defaults here; a collection with quirks has its
/// own subclass under <c>Model/Collections/</c>, so the sync code asks the definition instead of naming the
/// collection, and a new collection is declared in one place.
/// </summary>
public class CollectionBehavior
{
    /// <summary>Only subclasses and <see cref="Plain"/>: a behaviour is declared once per collection.</summary>
    protected CollectionBehavior()
    {
    }

    /// <summary>The plain rules, for collections without quirks.</summary>
    public static CollectionBehavior Plain { get; } = new();

    /// <summary>
    /// The short name people know an item by (unescaped, not shortened), or null when it has none.
    /// Plain: its name, else its key, else its collection.
    /// </summary>
    public virtual string? Label(JObject item) => Text(item, "name") ?? Text(item, "key") ?? Text(item, "collection");

    /// <summary>A non-empty string field of <paramref name="item"/>, or null.</summary>
    protected static string? Text(JObject item, string key)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item[key] is JValue { Type: JTokenType.String } v && v.Value<string>() is { Length: > 0 } s ? s : null;
    }
}
