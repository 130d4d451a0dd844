using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model;

/// <summary>
/// Schema changes as computed by Directus itself (<c>POST /schema/diff</c>): what the schema client returns and
/// the schema part of a plan, applied whole with its hash, which Directus checks still matches the live schema.
/// </summary>
/// <param name="Hash">The live schema's hash.</param>
/// <param name="Diff">The diff (collections, fields, relations: lists of deep-diff records).</param>
public sealed record SchemaChanges(string Hash, JObject Diff)
{
    /// <summary>Number of changed collections, fields and relations.</summary>
    public int Count(string part) => (Diff[part] as JArray)?.Count ?? 0;

    /// <summary>Total number of changes.</summary>
    public int Total => Count("collections") + Count("fields") + Count("relations");

    /// <summary>
    /// A copy of a schema document (a snapshot or a diff) without the collection, field and relation entries
    /// that <paramref name="matches"/>.
    /// </summary>
    public static JObject Without(JObject document, Func<JToken, bool> matches)
    {
        var copy = (JObject)document.DeepClone();
        foreach (var part in new[] { "collections", "fields", "relations" })
        {
            if (copy[part] is JArray entries)
            {
                foreach (var entry in entries.Where(matches).ToList())
                {
                    entry.Remove();
                }
            }
        }

        return copy;
    }
}
