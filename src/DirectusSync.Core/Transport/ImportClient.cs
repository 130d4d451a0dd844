using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Transport;

/// <summary>
/// Directus' batch import (12.2+): one <c>POST /utils/import?mode=merge</c> carries the items of many
/// collections; Directus orders them by their relations, upserts each by primary key and runs the whole batch
/// in one database transaction, so it is applied entirely or not at all.
/// </summary>
public sealed class ImportClient(DirectusClient client)
{
    /// <summary>
    /// Sends <paramref name="batch"/> (<c>[{collection, items}]</c>, Directus collection names) as a JSON file,
    /// because a plain JSON body is capped by MAX_PAYLOAD_SIZE. Items carry their keys, so nothing in the
    /// answer is needed.
    /// </summary>
    public Task MergeAsync(JArray batch, CancellationToken cancellationToken = default) =>
        client.PostJsonFileAsync("/utils/import?mode=merge", batch, cancellationToken);
}
