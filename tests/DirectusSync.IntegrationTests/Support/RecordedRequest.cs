namespace DirectusSync.IntegrationTests.Support;

/// <summary>One request that reached Directus.</summary>
/// <param name="Method">GET, POST, PATCH, DELETE…</param>
/// <param name="PathAndQuery">The path and query, unescaped (e.g. <c>/permissions?fields[]=id</c>).</param>
/// <param name="Body">The body as text, or null.</param>
public sealed record RecordedRequest(string Method, string PathAndQuery, string? Body)
{
    /// <inheritdoc />
    public override string ToString() => Body is null ? $"{Method} {PathAndQuery}" : $"{Method} {PathAndQuery} {Body}";
}
