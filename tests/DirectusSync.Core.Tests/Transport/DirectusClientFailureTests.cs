using System.Net;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Transport;

public sealed class DirectusClientFailureTests
{
    private const string Token = "static-token-9f8e7d";

    private readonly FakeDirectus _directus = new();
    private readonly InstantClock _clock = new();

    [Fact]
    public async Task Should_throw_a_cancellation_and_not_retry_When_the_caller_cancels_a_request_in_flight()
    {
        // Given a read the server never answers
        _directus.Hang(out var reached);
        using var client = Client();
        using var cancellation = new CancellationTokenSource();

        // When the caller cancels it once it is on the wire
        var read = client.GetAsync("/roles", cancellation.Token);
        await reached;
        await cancellation.CancelAsync();
        var act = () => read;

        // Then a cancellation, not a connection failure (which a read would have retried)
        await act.Should().ThrowAsync<OperationCanceledException>();
        _directus.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Should_throw_a_cancellation_When_the_caller_cancels_an_upload_in_flight()
    {
        // Given
        _directus.Hang(out var reached);
        using var client = Client();
        using var cancellation = new CancellationTokenSource();

        // When
        var upload = client.UploadFileAsync("/files", [new("title", "Logo")], [1, 2, 3], "logo.png", "image/png", cancellation.Token);
        await reached;
        await cancellation.CancelAsync();
        var act = () => upload;

        // Then
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Should_send_nothing_When_the_caller_cancelled_before_the_request()
    {
        // Given
        using var client = Client();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        // When
        var act = () => client.PatchAsync("/roles/1", new JObject(), cancellation.Token);

        // Then
        await act.Should().ThrowAsync<OperationCanceledException>();
        _directus.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_mask_the_token_When_the_server_echoes_it_in_an_error()
    {
        // Given a proxy that quotes the header it refused
        _directus.Status(HttpStatusCode.BadRequest, body: $$"""{"errors":[{"message":"malformed header Authorization: Bearer {{Token}}"}]}""");
        using var client = Client();

        // When
        var act = () => client.GetAsync("/roles");

        // Then
        var error = (await act.Should().ThrowAsync<DirectusApiException>()).Which;
        error.Message.Should().NotContain(Token).And.Contain("Bearer ***");
        error.DirectusMessage.Should().NotContain(Token);
    }

    [Fact]
    public async Task Should_mask_the_password_and_access_token_When_the_server_echoes_them_in_an_error()
    {
        // Given a logged-in client and a server error that repeats both secrets
        var directus = new FakeDirectus().RequireLogin("admin@example.com", "hunter2-password", TimeSpan.FromMinutes(15))
            .Status(HttpStatusCode.InternalServerError, body: "upstream said: hunter2-password / access-1");
        using var client = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = new Uri("http://127.0.0.1:8055"),
            Credentials = DirectusCredentials.FromLogin("admin@example.com", "hunter2-password"),
            Handler = directus,
            TimeProvider = _clock,
        });

        // When
        var act = () => client.GetAsync("/roles");

        // Then
        var error = (await act.Should().ThrowAsync<DirectusApiException>()).Which;
        error.StatusCode.Should().Be(500);
        error.Message.Should().NotContain("hunter2-password").And.NotContain("access-1").And.Contain("***");
    }

    [Fact]
    public async Task Should_name_the_request_without_its_query_or_body_When_it_fails()
    {
        // Given
        _directus.Status(HttpStatusCode.Forbidden, body: """{"errors":[{"message":"You don't have permission","extensions":{"code":"FORBIDDEN"}}]}""");
        using var client = Client();

        // When
        var act = () => client.PostAsync("/users?fields=id", new JObject { ["password"] = "new-user-secret" });

        // Then
        var error = (await act.Should().ThrowAsync<DirectusApiException>()).Which;
        error.Message.Should().Be("POST /users failed with HTTP 403 FORBIDDEN: You don't have permission");
    }

    private DirectusClient Client() => new(new DirectusClientOptions
    {
        BaseUrl = new Uri("http://127.0.0.1:8055"),
        Credentials = DirectusCredentials.FromToken(Token),
        Handler = _directus,
        TimeProvider = _clock,
    });
}
