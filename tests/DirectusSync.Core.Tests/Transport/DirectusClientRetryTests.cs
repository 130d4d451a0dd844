using System.Net;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Transport;

public sealed class DirectusClientRetryTests
{
    private readonly FakeDirectus _directus = new();
    private readonly InstantClock _clock = new();

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Should_succeed_after_retrying_a_read_When_the_server_fails_transiently(HttpStatusCode status)
    {
        // Given a server that fails twice
        _directus.Status(status, times: 2);
        using var client = Client();

        // When
        var data = await client.GetAsync("/roles");

        // Then the third attempt's answer is returned
        data!["ok"]!.Value<bool>().Should().BeTrue();
        _directus.Requests.Should().Equal("GET /roles", "GET /roles", "GET /roles");
    }

    public static TheoryData<string, HttpStatusCode> IdempotentWritesAndTransientStatuses()
    {
        var data = new TheoryData<string, HttpStatusCode>();
        foreach (var method in new[] { "PATCH", "PUT", "DELETE" })
        {
            foreach (var status in new[] { HttpStatusCode.TooManyRequests, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout })
            {
                data.Add(method, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IdempotentWritesAndTransientStatuses))]
    public async Task Should_send_an_idempotent_write_again_When_the_server_fails_transiently(string method, HttpStatusCode status)
    {
        // Given
        _directus.Status(status);
        using var client = Client();

        // When
        await client.SendAsync(Enum.Parse<RestSharp.Method>(method, ignoreCase: true), "/roles/1", new JObject { ["name"] = "x" });

        // Then
        _directus.Requests.Should().Equal($"{method} /roles/1", $"{method} /roles/1");
        _directus.Sent.Should().OnlyContain(r => r.Body == """{"name":"x"}""");
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Should_never_send_a_create_again_When_a_gateway_fails(HttpStatusCode status)
    {
        // Given
        _directus.Status(status);
        using var client = Client();

        // When
        var act = () => client.PostAsync("/presets", new JObject());

        // Then
        await act.Should().ThrowAsync<DirectusApiException>();
        _directus.Requests.Should().Equal("POST /presets");
    }

    [Fact]
    public async Task Should_retry_a_replacement_When_the_connection_drops()
    {
        // Given
        _directus.DroppedConnection();
        using var client = Client();

        // When
        await client.SendAsync(RestSharp.Method.Put, "/settings", new JObject { ["project_name"] = "x" });

        // Then
        _directus.Requests.Should().Equal("PUT /settings", "PUT /settings");
    }

    [Fact]
    public async Task Should_retry_updates_and_deletes_When_the_connection_drops()
    {
        // Given a connection that drops once before each request gets through
        _directus.DroppedConnection();
        using var client = Client();

        // When
        await client.PatchAsync("/roles/1", new JObject { ["name"] = "x" });
        _directus.DroppedConnection();
        await client.DeleteAsync("/roles/1");

        // Then each was sent again
        _directus.Requests.Should().Equal("PATCH /roles/1", "PATCH /roles/1", "DELETE /roles/1", "DELETE /roles/1");
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Should_never_send_a_create_again_When_it_fails_transiently(HttpStatusCode status)
    {
        // Given a create whose answer is a transient failure (it may have been applied)
        _directus.Status(status);
        using var client = Client();

        // When
        var act = () => client.PostAsync("/presets", new JObject { ["bookmark"] = "x" });

        // Then it fails once, unrepeated
        (await act.Should().ThrowAsync<DirectusApiException>()).Which.StatusCode.Should().Be((int)status);
        _directus.Requests.Should().Equal("POST /presets");
    }

    [Fact]
    public async Task Should_never_send_a_create_again_When_the_connection_drops()
    {
        // Given
        _directus.DroppedConnection();
        using var client = Client();

        // When
        var act = () => client.PostAsync("/presets", new JObject());

        // Then
        await act.Should().ThrowAsync<DirectusApiException>();
        _directus.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Should_wait_what_the_server_asks_When_the_answer_has_retry_after_seconds()
    {
        // Given a 429 asking for 7 seconds, then a 503 with an HTTP date 3 seconds ahead of the (virtual) clock
        _directus.Status(HttpStatusCode.TooManyRequests, retryAfter: "7");
        _directus.Status(HttpStatusCode.ServiceUnavailable, retryAfter: _clock.GetUtcNow().AddSeconds(10).ToString("r"));
        using var client = Client();

        // When
        await client.GetAsync("/roles");

        // Then the first wait is the server's 7 s; the date (10 s after the start, 7 s of which have passed) gives 3 s
        _clock.Waits.Should().Equal(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Should_back_off_exponentially_with_jitter_and_stop_at_the_retry_limit_When_the_server_keeps_failing()
    {
        // Given a server that never recovers
        _directus.Status(HttpStatusCode.BadGateway, times: 100);
        using var client = Client(retries: 4);

        // When
        var act = () => client.GetAsync("/roles");

        // Then 1 + 4 attempts, each wait positive, capped, and growing on the whole
        (await act.Should().ThrowAsync<DirectusApiException>()).Which.StatusCode.Should().Be(502);
        _directus.Requests.Should().HaveCount(5);
        _clock.Waits.Should().HaveCount(4).And.OnlyContain(w => w > TimeSpan.Zero && w <= TimeSpan.FromSeconds(20));
        _clock.Waits.Skip(2).Sum(w => w.TotalMilliseconds).Should().BeGreaterThan(_clock.Waits.Take(2).Sum(w => w.TotalMilliseconds));
    }

    [Fact]
    public async Task Should_give_up_When_the_servers_retry_after_ends_past_the_time_budget()
    {
        // Given a 503 asking for ten minutes, with a two-minute budget
        _directus.Status(HttpStatusCode.ServiceUnavailable, retryAfter: "600");
        using var client = Client();

        // When
        var act = () => client.GetAsync("/roles");

        // Then it fails now instead of waiting
        (await act.Should().ThrowAsync<DirectusApiException>()).Which.StatusCode.Should().Be(503);
        _clock.Waits.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_stop_retrying_When_the_time_budget_is_spent()
    {
        // Given a server that keeps asking for 50 s, many retries allowed, a two-minute budget
        _directus.Status(HttpStatusCode.ServiceUnavailable, retryAfter: "50", times: 100);
        using var client = Client(retries: 50);

        // When
        var act = () => client.GetAsync("/roles");

        // Then two waits fit (50 s, 100 s), a third would end at 150 s
        await act.Should().ThrowAsync<DirectusApiException>();
        _clock.Waits.Should().Equal(TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(50));
        _directus.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Should_not_retry_When_the_answer_is_a_client_error()
    {
        // Given
        _directus.Status(HttpStatusCode.BadRequest);
        using var client = Client();

        // When
        var act = () => client.GetAsync("/roles");

        // Then
        await act.Should().ThrowAsync<DirectusApiException>();
        _directus.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Should_not_retry_When_retries_are_turned_off()
    {
        // Given
        _directus.Status(HttpStatusCode.ServiceUnavailable);
        using var client = Client(retries: 0);

        // When
        var act = () => client.GetAsync("/server/health");

        // Then
        await act.Should().ThrowAsync<DirectusApiException>();
        _directus.Requests.Should().ContainSingle();
    }

    private DirectusClient Client(int retries = 4) => new(new DirectusClientOptions
    {
        BaseUrl = new Uri("http://127.0.0.1:8055"),
        Credentials = DirectusCredentials.FromToken("token"),
        Handler = _directus,
        TransientRetries = retries,
        TimeProvider = _clock,
    });
}
