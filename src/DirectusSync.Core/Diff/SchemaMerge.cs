using DirectusSync.Core.Model;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Diff;

/// <summary>
/// The schema part of a merge or add push: Directus computes the full diff, and these modes never delete a
/// collection, field or relation (as d6s' modes), so the plan keeps only what adds or changes.
/// </summary>
public static class SchemaMerge
{
    /// <summary>
    /// The changes without whole-entity deletions (a collection, field or relation the dump lacks), as
    /// Directus 12.2+ answers <c>/schema/diff?mode=merge</c>; changes inside an entity are kept. This is what a
    /// push in merge or add mode applies, on 11.x too. Directus still accepts it: apply checks only the hash
    /// of the live schema. Null when nothing is left.
    /// </summary>
    public static SchemaChanges? WithoutDeletions(SchemaChanges? changes)
    {
        if (changes is null)
        {
            return null;
        }

        var kept = changes with { Diff = SchemaChanges.Without(changes.Diff, IsEntityDeletion) };
        return kept.Total == 0 ? null : kept;
    }

    private static bool IsEntityDeletion(JToken entry) =>
        entry["diff"] is JArray records && records.OfType<JObject>().Any(r => r.Value<string>("kind") == "D" && r["path"] is null);
}
