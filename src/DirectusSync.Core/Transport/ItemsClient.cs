using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Transport;

/// <summary>
/// Directus' item routes, for system and custom collections alike: callers name a collection as Directus does
/// (<c>directus_roles</c>, <c>articles</c>) and never build a path. Items are open JSON documents.
/// </summary>
public sealed class ItemsClient(DirectusClient client)
{
    private const string SystemPrefix = "directus_";

    // Writes ask only for the key back: the sync needs nothing else of the answer, and whole items are large.
    private const string KeysOnly = "fields[]=id";

    /// <summary>
    /// The REST path of a collection's items: a system collection has its own route (<c>directus_roles</c> →
    /// <c>/roles</c>), a custom one lives under <c>/items</c>.
    /// </summary>
    /// <param name="collection">The Directus collection name.</param>
    public static string PathOf(string collection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        return collection.StartsWith(SystemPrefix, StringComparison.Ordinal)
            ? $"/{collection[SystemPrefix.Length..]}"
            : $"/items/{Uri.EscapeDataString(collection)}";
    }

    /// <summary>
    /// The items a list query returns (<paramref name="query"/> as built by <see cref="DirectusQuery"/>, without
    /// '?'). A singleton (<c>directus_settings</c>) answers one object: it is returned as the only item.
    /// </summary>
    public async Task<IReadOnlyList<JObject>> ListAsync(string collection, string query, CancellationToken cancellationToken = default)
    {
        var data = await client.GetAsync(WithQuery(PathOf(collection), query), cancellationToken).ConfigureAwait(false);
        return data switch
        {
            JObject single => [single],
            JArray array => array.OfType<JObject>().ToList(),
            _ => [],
        };
    }

    /// <summary>How many items a collection holds (one aggregate request).</summary>
    public async Task<long> CountAsync(string collection, CancellationToken cancellationToken = default)
    {
        var data = await client.GetAsync(PathOf(collection) + "?aggregate[count]=*", cancellationToken).ConfigureAwait(false);
        var count = (data as JArray)?.FirstOrDefault()?["count"] ?? data?["count"];
        return count is null ? 0 : long.Parse(count.ToString(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One item with all its fields, or null when the answer holds none.</summary>
    public async Task<JObject?> GetAsync(string collection, string key, CancellationToken cancellationToken = default) =>
        await client.GetAsync($"{ItemPath(collection, key)}?fields=*", cancellationToken).ConfigureAwait(false) as JObject;

    /// <summary>Creates an item and returns it as Directus answers (with its key).</summary>
    public async Task<JObject?> CreateAsync(string collection, JObject item, CancellationToken cancellationToken = default) =>
        await client.PostAsync(PathOf(collection), item, cancellationToken).ConfigureAwait(false) as JObject;

    /// <summary>
    /// Creates many items in one request and returns what Directus answers for each, only their keys asked
    /// (<c>fields[]=id</c>). A one-item answer sent as an object is returned as the only entry.
    /// </summary>
    public async Task<IReadOnlyList<JObject>> CreateManyAsync(string collection, JArray items, CancellationToken cancellationToken = default)
    {
        var answer = await client.PostAsync($"{PathOf(collection)}?{KeysOnly}", items, cancellationToken).ConfigureAwait(false);
        return answer switch
        {
            JObject single => [single],
            JArray array => array.OfType<JObject>().ToList(),
            _ => [],
        };
    }

    /// <summary>Changes the given fields of an item (the answer, of which only the key is asked, is not needed).</summary>
    public Task UpdateAsync(string collection, string key, JObject changes, CancellationToken cancellationToken = default) =>
        client.PatchAsync($"{ItemPath(collection, key)}?{KeysOnly}", changes, cancellationToken);

    /// <summary>Changes the given fields of a singleton (<c>directus_settings</c>), which has no key in its route.</summary>
    public Task UpdateSingletonAsync(string collection, JObject changes, CancellationToken cancellationToken = default) =>
        client.PatchAsync($"{PathOf(collection)}?{KeysOnly}", changes, cancellationToken);

    /// <summary>Sets the same <paramref name="changes"/> on every item of <paramref name="keys"/>, in one request.</summary>
    public Task UpdateManyAsync(string collection, IEnumerable<string> keys, JObject changes, CancellationToken cancellationToken = default) =>
        client.PatchAsync(PathOf(collection), new JObject
        {
            ["keys"] = new JArray(keys),
            ["data"] = changes,
        }, cancellationToken);

    /// <summary>Deletes an item.</summary>
    public Task DeleteAsync(string collection, string key, CancellationToken cancellationToken = default) =>
        client.DeleteAsync(ItemPath(collection, key), null, cancellationToken);

    /// <summary>Deletes the items of <paramref name="keys"/> (numbers or strings, as the collection keys them) in one request.</summary>
    public Task DeleteManyAsync(string collection, JArray keys, CancellationToken cancellationToken = default) =>
        client.DeleteAsync(PathOf(collection), keys, cancellationToken);

    /// <summary>
    /// Uploads a file into <c>directus_files</c> with its fields (see <see cref="DirectusClient.UploadFileAsync"/>)
    /// and returns the new file item.
    /// </summary>
    public async Task<JObject?> UploadFileAsync(
        IReadOnlyList<KeyValuePair<string, string>> fields,
        byte[] content,
        string fileName,
        string contentType,
        CancellationToken cancellationToken = default) =>
        await client.UploadFileAsync(PathOf("directus_files"), fields, content, fileName, contentType, cancellationToken).ConfigureAwait(false) as JObject;

    private static string ItemPath(string collection, string key) => $"{PathOf(collection)}/{Uri.EscapeDataString(key)}";

    private static string WithQuery(string path, string query)
    {
        var trimmed = query.TrimStart('?', '&');
        return trimmed.Length > 0 ? $"{path}?{trimmed}" : path;
    }
}
