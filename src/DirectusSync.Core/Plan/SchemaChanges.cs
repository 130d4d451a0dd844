using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Plan;

/// <summary>
/// The schema part of a plan, as computed by Directus itself (<c>POST /schema/diff</c>): applied whole with
/// its hash, which Directus checks still matches the live schema.
/// </summary>
/// <param name="Hash">The live schema's hash.</param>
/// <param name="Diff">The diff (collections, fields, relations: lists of deep-diff records).</param>
public sealed record SchemaChanges(string Hash, JObject Diff)
{
    /// <summary>Number of changed collections, fields and relations.</summary>
    public int Count(string part) => (Diff[part] as JArray)?.Count ?? 0;

    /// <summary>Total number of changes.</summary>
    public int Total => Count("collections") + Count("fields") + Count("relations");
}
