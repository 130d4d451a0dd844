using System.Net;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Transport;

public sealed class DirectusClientAuthenticationTests
{
    private const string Email = "admin@example.com";
    private const string Password = "correct-horse-battery";

    private readonly FakeDirectus _directus = new FakeDirectus().RequireLogin(Email, Password, expires: TimeSpan.FromMinutes(15));
    private readonly InstantClock _clock = new();

    [Fact]
    public async Task Should_log_in_once_and_send_the_access_token_When_credentials_are_an_email_and_password()
    {
        // Given
        using var client = Client();

        // When
        await client.GetAsync("/roles");
        await client.GetAsync("/policies");

        // Then
        _directus.Requests.Should().Equal("POST /auth/login", "GET /roles", "GET /policies");
        _directus.Sent.Skip(1).Select(r => r.Authorization).Should().OnlyContain(a => a == "Bearer access-1");
    }

    [Fact]
    public async Task Should_send_no_token_and_never_log_in_When_credentials_are_anonymous()
    {
        // Given a server that answers 401 to any request without a valid token
        using var client = Client(DirectusCredentials.Anonymous);

        // When
        var act = () => client.GetAsync("/server/health");

        // Then the 401 is the answer: no login, no second attempt
        (await act.Should().ThrowAsync<DirectusApiException>()).Which.StatusCode.Should().Be(401);
        _directus.Sent.Should().ContainSingle().Which.Should().Match<SentRequest>(r => r.Route == "GET /server/health" && r.Authorization == null);
    }

    [Fact]
    public async Task Should_refresh_the_access_token_before_it_expires_When_a_long_run_outlives_it()
    {
        // Given a client that logged in, then worked for 14.5 of the token's 15 minutes
        using var client = Client();
        await client.GetAsync("/roles");
        _clock.Advance(TimeSpan.FromMinutes(14.5));

        // When
        await client.GetAsync("/roles");

        // Then it refreshed with the refresh token (no second login) and used the new access token
        _directus.Requests.Should().Equal("POST /auth/login", "GET /roles", "POST /auth/refresh", "GET /roles");
        JObject.Parse(_directus.Sent[2].Body).Value<string>("refresh_token").Should().Be("refresh-1");
        _directus.Sent[3].Authorization.Should().Be("Bearer access-2");
    }

    [Fact]
    public async Task Should_log_in_again_When_the_refresh_token_is_refused()
    {
        // Given an expired access token whose refresh token the server no longer accepts
        using var client = Client();
        await client.GetAsync("/roles");
        _clock.Advance(TimeSpan.FromMinutes(20));
        _directus.On("POST /auth/refresh", HttpStatusCode.Unauthorized, """{"errors":[{"message":"Invalid refresh token."}]}""");

        // When
        await client.GetAsync("/roles");

        // Then
        _directus.Requests.Should().Equal("POST /auth/login", "GET /roles", "POST /auth/refresh", "POST /auth/login", "GET /roles");
        _directus.Sent[^1].Authorization.Should().Be("Bearer access-2");
    }

    [Fact]
    public async Task Should_authenticate_again_and_resend_the_request_When_the_access_token_is_refused()
    {
        // Given a token revoked on the server while the client still holds it
        using var client = Client();
        await client.GetAsync("/roles");
        _directus.RevokeAccessTokens();

        // When
        await client.PatchAsync("/roles/1", new JObject { ["name"] = "Editors" });

        // Then the refused PATCH was sent again once, with a new token from the refresh token
        _directus.Requests.Should().Equal("POST /auth/login", "GET /roles", "PATCH /roles/1", "POST /auth/refresh", "PATCH /roles/1");
        _directus.Sent[^1].Authorization.Should().Be("Bearer access-2");
        _directus.Sent[^1].Body.Should().Be("""{"name":"Editors"}""");
    }

    [Fact]
    public async Task Should_authenticate_again_once_When_concurrent_requests_are_refused_together()
    {
        // Given two requests on the wire with the same token, which the server then revokes
        using var client = Client();
        await client.GetAsync("/roles");
        _directus.Hold("GET /roles/1", out var firstArrived, out var releaseFirst);
        _directus.Hold("GET /roles/2", out var secondArrived, out var releaseSecond);
        var first = client.GetAsync("/roles/1");
        var second = client.GetAsync("/roles/2");
        await Task.WhenAll(firstArrived, secondArrived);
        _directus.RevokeAccessTokens();

        // When the first is refused (and its retry gets a new token) before the second is refused
        releaseFirst.SetResult();
        await first;
        releaseSecond.SetResult();
        await second;

        // Then the second's refusal of the old token does not throw the new one away
        _directus.Requests.Count(r => r.StartsWith("POST /auth/", StringComparison.Ordinal)).Should().Be(2);
        _directus.Sent.Where(r => r.Route is "GET /roles/1" or "GET /roles/2").Select(r => r.Authorization)
            .Should().Equal("Bearer access-1", "Bearer access-1", "Bearer access-2", "Bearer access-2");
    }

    [Fact]
    public async Task Should_fail_with_the_401_When_the_request_is_refused_again_with_a_new_token()
    {
        // Given a server that refuses the request even with a fresh token
        using var client = Client();
        await client.GetAsync("/roles");
        _directus.On("GET /users", HttpStatusCode.Unauthorized, """{"errors":[{"message":"Token expired."}]}""");
        _directus.On("GET /users", HttpStatusCode.Unauthorized, """{"errors":[{"message":"Token expired."}]}""");

        // When
        var act = () => client.GetAsync("/users");

        // Then one new token, no loop
        (await act.Should().ThrowAsync<DirectusApiException>()).Which.StatusCode.Should().Be(401);
        _directus.Requests.Should().Equal("POST /auth/login", "GET /roles", "GET /users", "POST /auth/refresh", "GET /users");
    }

    [Fact]
    public async Task Should_not_log_in_When_a_static_token_is_refused()
    {
        // Given
        var directus = new FakeDirectus().Status(HttpStatusCode.Unauthorized);
        using var client = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = new Uri("http://127.0.0.1:8055"),
            Credentials = DirectusCredentials.FromToken("static-token"),
            Handler = directus,
            TimeProvider = _clock,
        });

        // When
        var act = () => client.GetAsync("/roles");

        // Then a static token cannot be renewed: the 401 is the answer
        (await act.Should().ThrowAsync<DirectusApiException>()).Which.StatusCode.Should().Be(401);
        directus.Requests.Should().Equal("GET /roles");
    }

    [Fact]
    public async Task Should_name_the_account_but_not_the_password_When_the_login_is_refused()
    {
        // Given
        using var client = Client(password: "wrong-password-42");

        // When
        var act = () => client.GetAsync("/roles");

        // Then
        var error = (await act.Should().ThrowAsync<DirectusApiException>()).Which;
        error.StatusCode.Should().Be(401);
        error.Message.Should().Contain(Email).And.NotContain("wrong-password-42");
        _directus.Requests.Should().Equal("POST /auth/login");
    }

    private DirectusClient Client(string password = Password) => Client(DirectusCredentials.FromLogin(Email, password));

    private DirectusClient Client(DirectusCredentials credentials) => new(new DirectusClientOptions
    {
        BaseUrl = new Uri("http://127.0.0.1:8055"),
        Credentials = credentials,
        Handler = _directus,
        TimeProvider = _clock,
    });
}
