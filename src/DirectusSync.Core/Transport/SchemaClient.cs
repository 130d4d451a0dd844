using DirectusSync.Core.Model;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Transport;

/// <summary>
/// Directus' schema endpoints. The schema diff is computed by Directus itself, never locally, so the
/// result is exactly what <c>schema apply</c> would do.
/// </summary>
public sealed class SchemaClient(DirectusClient client)
{
    /// <summary>The table of directus-extension-sync; database-only, so never part of a synced schema.</summary>
    public const string IdMapTable = "directus_sync_id_map";

    /// <summary>The live schema snapshot, without the id-map table.</summary>
    public async Task<JObject> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await client.GetAsync("/schema/snapshot", cancellationToken).ConfigureAwait(false) as JObject
            ?? throw new DirectusApiException("GET /schema/snapshot", 200, null, "the answer holds no snapshot");
        return WithoutIdMapTable(snapshot);
    }

    /// <summary>
    /// Asks Directus what applying <paramref name="snapshot"/> would change; null when nothing (11.4.1+ sends
    /// no body then). <paramref name="force"/> skips Directus' version and vendor equality check.
    /// <paramref name="merge"/> asks Directus 12.2+ for <c>mode=merge</c>: no collection, field or relation the
    /// snapshot lacks is deleted (what to keep on 11.x, which has no such mode, is the caller's decision).
    /// </summary>
    public async Task<SchemaChanges?> DiffAsync(JObject snapshot, bool force, bool merge = false, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (force)
        {
            query.Add("force=true");
        }

        if (merge)
        {
            query.Add("mode=merge");
        }

        var path = "/schema/diff" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        var answer = await client.PostJsonFileAsync(path, WithoutIdMapTable(snapshot), cancellationToken).ConfigureAwait(false);
        if (answer is not JObject { } data || data["diff"] is not JObject diff)
        {
            return null;
        }

        // Older dumps (before Directus 11.10) list the id-map table; dropping it must not be applied.
        var changes = new SchemaChanges(data.Value<string>("hash") ?? string.Empty, SchemaChanges.Without(diff, IsIdMapEntry));
        return changes.Total == 0 ? null : changes;
    }

    /// <summary>Applies a diff; Directus rejects it when the schema changed since the diff (hash).</summary>
    public Task ApplyAsync(SchemaChanges changes, CancellationToken cancellationToken = default) =>
        client.PostJsonFileAsync("/schema/apply", new JObject { ["hash"] = changes.Hash, ["diff"] = changes.Diff }, cancellationToken);

    /// <summary>The snapshot without anything of the id-map table.</summary>
    public static JObject WithoutIdMapTable(JObject snapshot) => SchemaChanges.Without(snapshot, IsIdMapEntry);

    private static bool IsIdMapEntry(JToken entry) => entry["collection"]?.ToString() == IdMapTable;
}
