namespace DirectusSync.TestSupport;

/// <summary>One request as the <see cref="FakeDirectus"/> saw it.</summary>
/// <param name="Route">"METHOD /path" (the path under the fake's base path, unescaped query left out).</param>
/// <param name="Query">The query string, unescaped, without '?'.</param>
/// <param name="Authorization">The authorization header, if any.</param>
/// <param name="Body">The body as text (empty when none).</param>
/// <param name="Url">The whole URL the request was sent to (base path included).</param>
public sealed record SentRequest(string Route, string Query, string? Authorization, string Body, Uri Url)
{
    /// <summary>The path, without the method.</summary>
    public string Path => Route[(Route.IndexOf(' ', StringComparison.Ordinal) + 1)..];
}
