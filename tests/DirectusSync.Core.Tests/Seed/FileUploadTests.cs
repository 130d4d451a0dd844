using System.Net;
using System.Text;
using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Tests.Seed;

public sealed class FileUploadTests
{
    [Fact]
    public async Task Should_send_the_fields_before_the_file_with_the_token_When_a_seed_file_is_uploaded()
    {
        // Given
        var handler = new RecordingHandler("{\"data\":{\"id\":\"f-1\"}}");
        using var client = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = new Uri("http://directus.test/base"),
            Credentials = DirectusCredentials.FromToken("seed-token"),
            Handler = handler,
        });

        // When
        var answer = await client.UploadFileAsync("/files", [new("title", "Logo"), new("folder", "d-1")], Encoding.UTF8.GetBytes("PNGDATA"), "logo.png", "image/png");

        // Then
        answer!["id"]!.ToString().Should().Be("f-1");
        handler.Uri.Should().Be(new Uri("http://directus.test/base/files"));
        handler.Authorization.Should().Be("Bearer seed-token");
        var body = handler.Body!;
        body.IndexOf("name=title", StringComparison.Ordinal).Should().BeGreaterThan(-1)
            .And.BeLessThan(body.IndexOf("name=folder", StringComparison.Ordinal));
        body.IndexOf("name=folder", StringComparison.Ordinal).Should().BeLessThan(body.IndexOf("name=file", StringComparison.Ordinal));
        body.Should().Contain("filename=logo.png").And.Contain("Content-Type: image/png").And.Contain("PNGDATA");
    }

    [Fact]
    public async Task Should_throw_the_directus_message_When_the_upload_is_refused()
    {
        // Given
        var handler = new RecordingHandler("{\"errors\":[{\"message\":\"File is too large\",\"extensions\":{\"code\":\"CONTENT_TOO_LARGE\"}}]}", HttpStatusCode.RequestEntityTooLarge);
        using var client = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = new Uri("http://directus.test"),
            Credentials = DirectusCredentials.FromToken("seed-token"),
            Handler = handler,
        });

        // When
        var act = () => client.UploadFileAsync("/files", [], [1, 2, 3], "big.bin", "application/octet-stream");

        // Then
        var error = (await act.Should().ThrowAsync<DirectusApiException>()).Which;
        error.StatusCode.Should().Be(413);
        error.DirectusMessage.Should().Be("File is too large");
    }

    private sealed class RecordingHandler(string answer, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        public Uri? Uri { get; private set; }

        public string? Authorization { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            Authorization = request.Headers.Authorization?.ToString();
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
