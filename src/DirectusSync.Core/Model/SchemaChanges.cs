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

    private static readonly string[] Parts = ["collections", "fields", "relations"];

    /// <summary>Total number of changes.</summary>
    public int Total => Count("collections") + Count("fields") + Count("relations");

    /// <summary>
    /// A schema document (a snapshot or a diff) without the collection, field and relation entries that
    /// <paramref name="matches"/>: a copy when any does, else <paramref name="document"/> itself (the usual case, where
    /// copying a full schema costs tens of milliseconds of every diff and pull). Neither is to be changed in place.
    /// </summary>
    public static JObject Without(JObject document, Func<JToken, bool> matches)
    {
        if (!Parts.Any(part => document[part] is JArray entries && entries.Any(matches)))
        {
            return document;
        }

        var copy = (JObject)document.DeepClone();
        foreach (var part in Parts)
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
