using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Tests.Transport;

public sealed partial class DirectusClientUploadTests
{
    private readonly FakeDirectus _directus = new();
    private readonly InstantClock _clock = new();

    [Fact]
    public async Task Should_send_the_fields_before_the_file_with_the_token_When_a_file_is_uploaded()
    {
        // Given
        _directus.On("POST /base/files", HttpStatusCode.OK, """{"data":{"id":"f-1"}}""");
        using var client = TokenClient("http://directus.test/base");

        // When
        var answer = await client.UploadFileAsync("/files", [new("title", "Logo"), new("folder", "d-1")], Encoding.UTF8.GetBytes("PNGDATA"), "logo.png", "image/png");

        // Then Directus, which ignores fields sent after the file, gets them first
        answer!["id"]!.ToString().Should().Be("f-1");
        var sent = _directus.Sent.Should().ContainSingle().Subject;
        sent.Route.Should().Be("POST /base/files");
        sent.Authorization.Should().Be("Bearer seed-token");
        PartNames(sent.Body).Should().Equal("title", "folder", "file");
        sent.Body.Should().Contain("filename=\"logo.png\"").And.Contain("Content-Type: image/png").And.Contain("PNGDATA").And.Contain("\r\n\r\nLogo\r\n");
    }

    [Fact]
    public async Task Should_send_the_extra_headers_When_a_file_is_uploaded()
    {
        // Given
        var headers = new RecordingHeaders();
        using var client = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = new Uri("http://directus.test"),
            Credentials = DirectusCredentials.FromToken("seed-token"),
            Handler = headers,
            ExtraHeaders = new Dictionary<string, string> { ["X-Firewall"] = "open-sesame" },
        });

        // When
        await client.UploadFileAsync("/files", [], [1], "a.bin", "application/octet-stream");

        // Then
        headers.Last!.GetValues("X-Firewall").Should().Equal("open-sesame");
    }

    [Fact]
    public async Task Should_throw_the_directus_message_When_the_upload_is_refused()
    {
        // Given
        _directus.Status(HttpStatusCode.RequestEntityTooLarge, body: """{"errors":[{"message":"File is too large","extensions":{"code":"CONTENT_TOO_LARGE"}}]}""");
        using var client = TokenClient("http://directus.test");

        // When
        var act = () => client.UploadFileAsync("/files", [], [1, 2, 3], "big.bin", "application/octet-stream");

        // Then
        var error = (await act.Should().ThrowAsync<DirectusApiException>()).Which;
        error.StatusCode.Should().Be(413);
        error.Request.Should().Be("POST /files");
        error.DirectusMessage.Should().Be("File is too large");
    }

    [Fact]
    public async Task Should_authenticate_again_and_upload_again_When_the_access_token_is_refused()
    {
        // Given a logged-in client whose access token the server has since revoked
        _directus.RequireLogin("admin@example.com", "correct-horse", TimeSpan.FromMinutes(15));
        using var client = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = new Uri("http://directus.test"),
            Credentials = DirectusCredentials.FromLogin("admin@example.com", "correct-horse"),
            Handler = _directus,
            TimeProvider = _clock,
        });
        await client.GetAsync("/server/info");
        _directus.RevokeAccessTokens();

        // When
        await client.UploadFileAsync("/files", [new("id", "9a2c")], Encoding.UTF8.GetBytes("PNGDATA"), "logo.png", "image/png");

        // Then the refused upload (a 401 means nothing was stored) went again, whole, with a new access token
        _directus.Requests.Should().Equal("POST /auth/login", "GET /server/info", "POST /files", "POST /auth/refresh", "POST /files");
        var resent = _directus.Sent[^1];
        resent.Authorization.Should().Be("Bearer access-2");
        PartNames(resent.Body).Should().Equal("id", "file");
        resent.Body.Should().Contain("PNGDATA");
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Should_never_upload_again_When_the_upload_fails_transiently(HttpStatusCode status)
    {
        // Given an upload whose answer is lost: the file may have been stored
        _directus.Status(status);
        using var client = TokenClient("http://directus.test");

        // When
        var act = () => client.UploadFileAsync("/files", [], [1], "a.bin", "application/octet-stream");

        // Then
        (await act.Should().ThrowAsync<DirectusApiException>()).Which.StatusCode.Should().Be((int)status);
        _directus.Requests.Should().Equal("POST /files");
    }

    [Fact]
    public async Task Should_never_upload_again_When_the_connection_drops()
    {
        // Given
        _directus.DroppedConnection();
        using var client = TokenClient("http://directus.test");

        // When
        var act = () => client.UploadFileAsync("/files", [], [1], "a.bin", "application/octet-stream");

        // Then
        (await act.Should().ThrowAsync<DirectusApiException>()).Which.StatusCode.Should().Be(0);
        _directus.Requests.Should().Equal("POST /files");
    }

    private DirectusClient TokenClient(string baseUrl) => new(new DirectusClientOptions
    {
        BaseUrl = new Uri(baseUrl),
        Credentials = DirectusCredentials.FromToken("seed-token"),
        Handler = _directus,
        TimeProvider = _clock,
    });

    private static List<string> PartNames(string body) =>
        PartName().Matches(body).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("Content-Disposition: form-data; name=\"?([^\";\r\n]+)\"?")]
    private static partial Regex PartName();

    private sealed class RecordingHeaders : HttpMessageHandler
    {
        public System.Net.Http.Headers.HttpRequestHeaders? Last { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request.Headers;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"data":{"id":"f"}}""") });
        }
    }
}
