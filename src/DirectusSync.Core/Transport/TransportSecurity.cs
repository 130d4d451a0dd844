using System.Net;

namespace DirectusSync.Core.Transport;

/// <summary>
/// Whether a Directus URL protects what is sent to it. Every request carries a token (or, on login, the admin
/// password), so plain <c>http://</c> to another machine hands them to anyone on the path. Loopback is exempt:
/// the traffic never leaves the machine, and local sandboxes and CI services are reached that way.
/// </summary>
public static class TransportSecurity
{
    /// <summary>Whether requests to <paramref name="url"/> travel in clear text over a network.</summary>
    /// <param name="url">The Directus base URL.</param>
    /// <returns><see langword="true"/> for <c>http://</c> to a host that is not loopback.</returns>
    public static bool IsInsecure(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return string.Equals(url.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) && !IsLoopback(url);
    }

    /// <summary>
    /// The warning every front end shows for an insecure URL, or <see langword="null"/> when the URL is safe.
    /// </summary>
    /// <param name="url">The Directus base URL.</param>
    /// <returns>A one-line warning naming the host and the risk.</returns>
    public static string? InsecureUrlWarning(Uri url) =>
        IsInsecure(url)
            ? $"{url.Scheme}://{url.Authority} is plain HTTP to a host that is not this machine: the access token "
              + "(or admin e-mail and password) and every configuration item travel in clear text and can be read or "
              + "altered on the way. Use https:// for any Directus reached over a network."
            : null;

    // "localhost" and its sub-domains resolve to loopback by RFC 6761; IP literals are checked as addresses.
    // Other names are not resolved: a name that happens to point at 127.0.0.1 today may not tomorrow.
    private static bool IsLoopback(Uri url)
    {
        var host = url.IdnHost.TrimEnd('.');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
