using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// Reads a schema diff (as Directus computes it) for whole-entity deletions: the collections, fields and relations
/// a push would drop. The fields and relations of a dropped collection go with it and are not listed again.
/// </summary>
public static class SchemaDeletions
{
    /// <summary>The deletions in <paramref name="schema"/> (none when null), collections first.</summary>
    public static IReadOnlyList<SchemaDeletion> Find(SchemaChanges? schema)
    {
        if (schema is null)
        {
            return [];
        }

        var collections = Deleted(schema.Diff, "collections")
            .Select(e => new SchemaDeletion(SchemaDeletionKind.Collection, e.Entry.Value<string>("collection") ?? "?")
            {
                HasTable = e.Before?["schema"] is JObject,
            })
            .ToList();
        var dropped = collections.Select(c => c.Collection).ToHashSet(StringComparer.Ordinal);
        var fields = Deleted(schema.Diff, "fields")
            .Select(e => new SchemaDeletion(SchemaDeletionKind.Field, e.Entry.Value<string>("collection") ?? "?", e.Entry.Value<string>("field")))
            .Where(f => !dropped.Contains(f.Collection));
        var relations = Deleted(schema.Diff, "relations")
            .Select(e => new SchemaDeletion(SchemaDeletionKind.Relation, e.Entry.Value<string>("collection") ?? "?", e.Entry.Value<string>("field"),
                e.Entry.Value<string>("related_collection")))
            .Where(r => !dropped.Contains(r.Collection));
        return [.. collections, .. fields, .. relations];
    }

    // A whole-entity deletion is a "D" record without a path (a "D" with a path removes one property inside it).
    private static IEnumerable<(JObject Entry, JObject? Before)> Deleted(JObject diff, string part) =>
        (diff[part] as JArray ?? [])
            .OfType<JObject>()
            .Select(entry => (Entry: entry, Record: (entry["diff"] as JArray ?? []).OfType<JObject>()
                .FirstOrDefault(r => r.Value<string>("kind") == "D" && r["path"] is null)))
            .Where(e => e.Record is not null)
            .Select(e => (e.Entry, e.Record!["lhs"] as JObject));
}
