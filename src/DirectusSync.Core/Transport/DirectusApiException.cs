namespace DirectusSync.Core.Transport;

/// <summary>
/// A Directus request that failed: the HTTP status, Directus' error code and message, and the
/// request as "METHOD path" (never headers or bodies, so no token or password can leak through it).
/// </summary>
public sealed class DirectusApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DirectusApiException(string request, int statusCode, string? errorCode, string message, Exception? inner = null)
        : base(Describe(request, statusCode, errorCode, message), inner)
    {
        Request = request;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        DirectusMessage = message;
    }

    /// <summary>The failed request, as "METHOD /path".</summary>
    public string Request { get; }

    /// <summary>The HTTP status, or 0 when no answer came (connection refused, time-out).</summary>
    public int StatusCode { get; }

    /// <summary>Directus' <c>extensions.code</c> (e.g. FORBIDDEN, RECORD_NOT_UNIQUE), when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>Directus' own message.</summary>
    public string DirectusMessage { get; }

    private static string Describe(string request, int status, string? code, string message) =>
        status == 0
            ? $"{request} got no answer: {message}"
            : $"{request} failed with HTTP {status}{(code is null ? "" : $" {code}")}: {message}";
}
