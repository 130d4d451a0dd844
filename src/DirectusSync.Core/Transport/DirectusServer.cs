using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Transport;

/// <summary>Server-level calls: info and version gate, readiness, caches.</summary>
public sealed class DirectusServer(DirectusClient client)
{
    /// <summary>Reads <c>/server/info</c> (needs an admin to include the version).</summary>
    public async Task<ServerInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        var data = await client.GetAsync("/server/info", cancellationToken).ConfigureAwait(false);
        var version = data?["version"]?.Value<string>()
            ?? throw new DirectusApiException("GET /server/info", 200, null,
                "the answer holds no version: the token or login is not an admin's");
        return new ServerInfo(DirectusVersion.Parse(version), data["project"]?["project_name"]?.Value<string>());
    }

    /// <summary>Reads the version and fails with a clear message when it is outside the matrix.</summary>
    public async Task<ServerInfo> EnsureSupportedAsync(CancellationToken cancellationToken = default)
    {
        var info = await GetInfoAsync(cancellationToken).ConfigureAwait(false);
        SupportedDirectusVersions.EnsureSupported(info.Version, client.BaseUrl);
        return info;
    }

    /// <summary>
    /// True when <c>/server/ping</c> answers <c>pong</c>. Ping, not health: anonymous health is 403 on 12.x.
    /// </summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetPingAnswerAsync(cancellationToken).ConfigureAwait(false) == "pong";
        }
        catch (DirectusApiException)
        {
            return false;
        }
    }

    /// <summary>
    /// What <c>/server/ping</c> answers, trimmed (<c>pong</c> from a running Directus, a proxy's page otherwise). Public:
    /// a client with <see cref="DirectusCredentials.Anonymous"/> asks it before anyone can log in.
    /// </summary>
    /// <exception cref="DirectusApiException">The server answered an error status, or nothing (status 0).</exception>
    public async Task<string> GetPingAnswerAsync(CancellationToken cancellationToken = default) =>
        (await client.GetTextAsync("/server/ping", cancellationToken).ConfigureAwait(false)).Trim();

    /// <summary>
    /// Clears the data cache and, when <paramref name="system"/>, best effort, the system cache (schema and
    /// permissions: stale when the database was changed outside this Directus, e.g. by an upgrade's migrations).
    /// </summary>
    public async Task ClearCacheAsync(bool system = true, CancellationToken cancellationToken = default)
    {
        var data = client.PostAsync("/utils/cache/clear", null, cancellationToken);
        await Task.WhenAll(data, system ? ClearSystemCacheAsync() : Task.CompletedTask).ConfigureAwait(false);

        async Task ClearSystemCacheAsync()
        {
            try
            {
                await client.PostAsync("/utils/cache/clear?system", null, cancellationToken).ConfigureAwait(false);
            }
            catch (DirectusApiException)
            {
                // Older 11.x minors have no system flag; the data cache clear is what matters.
            }
        }
    }

    /// <summary>Directus' own health verdict (<c>ok</c>, <c>warn</c>, <c>error</c>) from <c>/server/health</c>; needs an admin.</summary>
    public async Task<string?> GetHealthStatusAsync(CancellationToken cancellationToken = default) =>
        (await client.GetAsync("/server/health", cancellationToken).ConfigureAwait(false))?["status"]?.ToString();

    /// <summary>The GraphQL SDL of the items (<paramref name="system"/> false) or of the system collections.</summary>
    public Task<string> GetGraphQlSdlAsync(bool system, CancellationToken cancellationToken = default) =>
        client.GetTextAsync(system ? "/server/specs/graphql/system" : "/server/specs/graphql", cancellationToken);

    /// <summary>The OpenAPI document of the instance.</summary>
    public async Task<JToken> GetOpenApiSpecAsync(CancellationToken cancellationToken = default) =>
        await client.GetAsync("/server/specs/oas", cancellationToken).ConfigureAwait(false)
            ?? throw new DirectusApiException("GET /server/specs/oas", 200, null, "the answer holds no OpenAPI document");

    /// <summary>The role of the authenticated user (the admin role placeholder resolves to it).</summary>
    public async Task<string?> GetCurrentUserRoleAsync(CancellationToken cancellationToken = default)
    {
        var me = await client.GetAsync("/users/me?fields=role", cancellationToken).ConfigureAwait(false);
        return me?["role"]?.Type == JTokenType.Null ? null : me?["role"]?.ToString();
    }
}
