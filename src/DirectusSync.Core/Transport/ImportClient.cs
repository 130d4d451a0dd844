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
    /// because a plain JSON body is capped by MAX_PAYLOAD_SIZE. Returns, per collection, the keys Directus
    /// replaced (a temporary key → the key it drew).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> MergeAsync(JArray batch, CancellationToken cancellationToken = default)
    {
        var answer = await client.PostJsonFileAsync("/utils/import?mode=merge", batch, cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (answer?["collections"] is JObject collections)
        {
            foreach (var (collection, value) in collections)
            {
                var mapped = new Dictionary<string, string>(StringComparer.Ordinal);
                if (value?["mapped"] is JObject pairs)
                {
                    foreach (var (from, to) in pairs)
                    {
                        mapped[from] = to!.ToString();
                    }
                }

                result[collection] = mapped;
            }
        }

        return result;
    }
}
