using RestSharp.Interceptors;

namespace DirectusSync.Core.Transport;

/// <summary>
/// Puts a multipart form's text fields before its files. RestSharp writes files first, but Directus reads an
/// upload as a stream and ignores every field that comes after the file (<c>id</c>, <c>folder</c>, <c>title</c>…).
/// </summary>
internal sealed class FieldsBeforeFiles : Interceptor
{
    /// <inheritdoc />
    public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
    {
        if (requestMessage.Content is not MultipartFormDataContent form)
        {
            return ValueTask.CompletedTask;
        }

        var parts = form.ToList();
        if (!parts.Any(IsFile))
        {
            return ValueTask.CompletedTask;
        }

        var boundary = form.Headers.ContentType?.Parameters.FirstOrDefault(p => p.Name == "boundary")?.Value?.Trim('"');
        var ordered = boundary is null ? new MultipartFormDataContent() : new MultipartFormDataContent(boundary);
        foreach (var part in parts.Where(p => !IsFile(p)).Concat(parts.Where(IsFile)))
        {
            ordered.Add(part);
        }

        requestMessage.Content = ordered;
        return ValueTask.CompletedTask;
    }

    private static bool IsFile(HttpContent part) => part.Headers.ContentDisposition?.FileName is not null;
}
