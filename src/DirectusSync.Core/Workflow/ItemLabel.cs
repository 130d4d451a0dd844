using DirectusSync.Core.Model;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// The short name people know an item by, for every report: a role's or flow's name, a permission's
/// collection and action, a translation's key and language. Already escaped with <see cref="LogText.Escape"/>
/// and shortened, so it can go straight into a log line.
/// </summary>
public static class ItemLabel
{
    /// <summary>Labels longer than this are cut (with an ellipsis): a label names, it does not show content.</summary>
    public const int MaxLength = 80;

    /// <summary>The label of <paramref name="item"/> of the tracked <paramref name="collection"/>, or null when it has none.</summary>
    public static string? Of(string collection, JObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var behavior = SystemCollections.Find(collection)?.Behavior ?? CollectionBehavior.Plain;
        var label = behavior.Label(item);
        return label is null ? null : Shorten(LogText.Escape(label));
    }

    private static string Shorten(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
}
