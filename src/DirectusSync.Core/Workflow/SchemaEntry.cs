using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Workflow;

/// <summary>One collection, field or relation a schema diff changes, by name only (escaped for logs).</summary>
/// <param name="Part">collection, field or relation.</param>
/// <param name="Name">E.g. <c>articles</c>, <c>articles.title</c>, <c>articles.author → directus_users</c>.</param>
/// <param name="Kind">new, deleted or changed.</param>
/// <param name="Paths">The changed properties of a changed entry (e.g. <c>meta.note</c>), never their values.</param>
public sealed record SchemaEntry(string Part, string Name, string Kind, IReadOnlyList<string> Paths)
{
    /// <summary>E.g. "field `articles.title`: changed (meta.note)".</summary>
    public override string ToString() =>
        $"{Part} {Name}: {Kind}{(Paths.Count > 0 ? $" ({string.Join(", ", Paths)})" : string.Empty)}";

    /// <summary>The entries of a Directus schema diff (<c>POST /schema/diff</c>), in its order.</summary>
    public static IReadOnlyList<SchemaEntry> All(JObject diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var entries = new List<SchemaEntry>();
        foreach (var (part, singular) in new[] { ("collections", "collection"), ("fields", "field"), ("relations", "relation") })
        {
            foreach (var change in (diff[part] as JArray ?? []).OfType<JObject>())
            {
                var records = (change["diff"] as JArray ?? []).OfType<JObject>().ToList();
                var kinds = records.Select(d => d.Value<string>("kind")).ToHashSet(StringComparer.Ordinal);
                var wholeEntity = records.Count > 0 && records.All(r => r["path"] is null);
                var kind = wholeEntity && kinds.SetEquals(["N"]) ? "new" : wholeEntity && kinds.SetEquals(["D"]) ? "deleted" : "changed";
                var paths = kind == "changed"
                    ? records.Where(r => r["path"] is JArray).Select(r => LogText.Escape(string.Join('.', ((JArray)r["path"]!).Select(p => p.ToString())))).Distinct(StringComparer.Ordinal).ToList()
                    : [];
                entries.Add(new SchemaEntry(singular, LogText.Escape(NameOf(change, singular)), kind, paths));
            }
        }

        return entries;
    }

    private static string NameOf(JObject change, string part)
    {
        var collection = change.Value<string>("collection") ?? "?";
        var field = change.Value<string>("field");
        var related = change.Value<string>("related_collection");
        return part switch
        {
            "collection" => collection,
            "relation" when related is { Length: > 0 } => $"{collection}.{field} → {related}",
            _ => field is null ? collection : $"{collection}.{field}",
        };
    }
}
