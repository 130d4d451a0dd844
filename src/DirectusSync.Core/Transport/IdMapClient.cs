using Newtonsoft.Json.Linq;
using DirectusSync.Core.Model;

namespace DirectusSync.Core.Transport;

/// <summary>
/// The routes of the directus-extension-sync server extension, which keeps the sync id ↔ local id map
/// on each instance. Same table, same rows as the reference CLI, so both tools can work on one instance.
/// </summary>
public sealed class IdMapClient(DirectusClient client)
{
    private const string Root = "/directus-extension-sync";
    private const string ExtensionName = "directus-extension-sync";

    /// <summary>Where the extension answers on this instance (for messages).</summary>
    public string Address => $"{client.BaseUrl.ToString().TrimEnd('/')}{Root}";

    /// <summary>Every map of a table, in one request.</summary>
    public async Task<IReadOnlyList<IdMap>> ListAsync(string table, CancellationToken cancellationToken = default)
    {
        var rows = await client.GetAsync($"{Root}/table/{Uri.EscapeDataString(table)}", cancellationToken).ConfigureAwait(false);
        return rows is JArray array ? array.Select(ToIdMap).ToList() : [];
    }

    /// <summary>Creates a map; the server draws a UUID when <paramref name="syncId"/> is null. Returns the sync id.</summary>
    public async Task<string> CreateAsync(string table, string localId, string? syncId, CancellationToken cancellationToken = default)
    {
        var body = new JObject { ["local_id"] = localId };
        if (syncId is not null)
        {
            body["sync_id"] = syncId;
        }

        var answer = await client.PostAsync($"{Root}/table/{Uri.EscapeDataString(table)}", body, cancellationToken).ConfigureAwait(false);
        return answer?["sync_id"]?.Value<string>()
            ?? throw new DirectusApiException($"POST {Root}/table/{table}", 200, null, "the extension returned no sync_id");
    }

    /// <summary>Deletes the map of a sync id (204 even when there was none).</summary>
    public Task DeleteBySyncIdAsync(string table, string syncId, CancellationToken cancellationToken = default) =>
        client.DeleteAsync($"{Root}/table/{Uri.EscapeDataString(table)}/sync_id/{Uri.EscapeDataString(syncId)}", null, cancellationToken);

    /// <summary>Deletes the map of a local id (what <c>helpers untrack</c> does).</summary>
    public Task DeleteByLocalIdAsync(string table, string localId, CancellationToken cancellationToken = default) =>
        client.DeleteAsync($"{Root}/table/{Uri.EscapeDataString(table)}/local_id/{Uri.EscapeDataString(localId)}", null, cancellationToken);

    /// <summary>
    /// Proves the extension is installed: an unknown sync id must give its JSON 404 "No id map found",
    /// not Directus' generic route-not-found.
    /// </summary>
    public async Task EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await client.GetAsync($"{Root}/table/__ping_test__/sync_id/__ping_test__", cancellationToken).ConfigureAwait(false);
        }
        catch (DirectusApiException e) when (e.StatusCode == 404 && e.DirectusMessage.Contains("No id map found", StringComparison.Ordinal))
        {
            return;
        }
        catch (DirectusApiException e) when (e.StatusCode == 404)
        {
            throw new DirectusApiException(e.Request, 404, e.ErrorCode,
                $"the server extension directus-extension-sync does not answer at {client.BaseUrl}{Root}: install it in Directus (npm package directus-extension-sync 3.x) and restart the server");
        }
    }

    /// <summary>True when the extension answers (what <c>--id-maps auto</c> asks); any other failure is thrown.</summary>
    public async Task<bool> IsInstalledAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DirectusApiException e) when (e.StatusCode == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// How Directus lists directus-extension-sync among its installed extensions (<c>GET /extensions</c>: version and
    /// whether enabled), or null when it is not listed or the list cannot be read. An extension that is installed but
    /// does not answer (disabled, or failed to load) is listed; one never installed is not.
    /// </summary>
    public async Task<string?> DescribeInstalledAsync(CancellationToken cancellationToken = default)
    {
        JToken? extensions;
        try
        {
            extensions = await client.GetAsync("/extensions", cancellationToken).ConfigureAwait(false);
        }
        catch (DirectusApiException)
        {
            return null;
        }

        var entry = (extensions as JArray)?.OfType<JObject>()
            .FirstOrDefault(e => e["schema"]?["name"]?.ToString() == ExtensionName);
        if (entry is null)
        {
            return null;
        }

        var enabled = entry["meta"]?["enabled"]?.Type == JTokenType.Boolean ? entry["meta"]!.Value<bool>("enabled") : (bool?)null;
        var version = entry["schema"]?["version"]?.ToString();
        return $"{ExtensionName}{(version is null ? string.Empty : $" {version}")}{enabled switch { true => ", enabled", false => ", disabled", null => string.Empty }}";
    }

    /// <summary>Deletes duplicated permissions server side, keeping the first or last of each group.</summary>
    public Task<JToken?> RemovePermissionDuplicatesAsync(bool keepLast, CancellationToken cancellationToken = default) =>
        client.DeleteAsync($"{Root}/helpers/permissions/duplicates", new JObject { ["keep"] = keepLast ? "last" : "first" }, cancellationToken);

    private static IdMap ToIdMap(JToken row) => new(
        row.Value<long>("id"),
        row.Value<string>("table") ?? string.Empty,
        row.Value<string>("sync_id") ?? string.Empty,
        row["local_id"]?.ToString() ?? string.Empty);
}
