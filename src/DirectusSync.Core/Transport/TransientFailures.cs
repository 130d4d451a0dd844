using System.Globalization;
using System.Net;
using RestSharp;

namespace DirectusSync.Core.Transport;

/// <summary>Which failed requests may be sent again, and when the server asked to be tried again.</summary>
internal static class TransientFailures
{
    /// <summary>
    /// Methods whose repetition has the effect of one call: a lost answer cannot mean a duplicate. POST creates
    /// (items, id maps, files) and is left out, even where Directus uses it for a read.
    /// </summary>
    public static bool IsIdempotent(Method method) =>
        method is Method.Get or Method.Head or Method.Options or Method.Patch or Method.Put or Method.Delete;

    /// <summary>No answer (connection refused or dropped, time-out), too many requests, or a gateway or an overloaded server.</summary>
    public static bool IsTransient(RestResponse response) =>
        response.StatusCode is 0 or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait the server asked for in <c>Retry-After</c> (seconds or an HTTP date), or null.</summary>
    public static TimeSpan? RetryAfter(RestResponse response, DateTimeOffset now)
    {
        var header = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value;
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        if (int.TryParse(header.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(header.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }
}
