using System.Net;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class ReadinessProbeTests
{
    private static readonly Uri Url = new("http://directus.test:8055");
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static ReadinessProbe Probe(FakeDirectus stub, InstantClock time, ReadinessCriterion criterion = ReadinessCriterion.Health, DirectusCredentials? credentials = null, Uri? url = null) =>
        new(new ReadinessProbeOptions { BaseUrl = url ?? Url, Criterion = criterion, Credentials = credentials, Handler = stub }, time: time);

    public sealed class TheWaitAsyncMethod
    {
        [Fact]
        public async Task Should_return_at_once_without_pausing_When_the_server_is_healthy()
        {
            // Given
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time }.On("/server/health", FakeAnswer.Healthy);
            using var probe = Probe(stub, time);

            // When
            var ready = await probe.WaitAsync(TimeSpan.FromSeconds(90), 5 * Second);

            // Then
            ready.Should().BeTrue();
            time.Waits.Should().BeEmpty();
        }

        [Fact]
        public async Task Should_pause_the_interval_between_checks_When_the_server_refuses_connections_at_first()
        {
            // Given
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time }.On("/server/health", FakeAnswer.Refused, FakeAnswer.Starting, FakeAnswer.Healthy);
            using var probe = Probe(stub, time);

            // When
            var ready = await probe.WaitAsync(TimeSpan.FromSeconds(90), 5 * Second);

            // Then
            ready.Should().BeTrue();
            stub.Count("/server/health").Should().Be(3);
            time.Waits.Should().Equal(5 * Second, 5 * Second);
        }

        [Fact]
        public async Task Should_start_counting_again_When_a_check_fails_between_successes()
        {
            // Given
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time }.On("/server/health", FakeAnswer.Healthy, FakeAnswer.Starting, FakeAnswer.Healthy, FakeAnswer.Healthy);
            using var probe = Probe(stub, time);

            // When
            var ready = await probe.WaitAsync(TimeSpan.FromSeconds(90), Second, successes: 2);

            // Then
            ready.Should().BeTrue();
            stub.Count("/server/health").Should().Be(4);
        }

        [Fact]
        public async Task Should_give_up_When_the_next_pause_would_pass_the_timeout()
        {
            // Given: checks at 0, 3, 6 and 9 s; a fifth would start at 12 s, after the 10 s timeout
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time }.Always("/server/health", FakeAnswer.Starting);
            using var probe = Probe(stub, time);

            // When
            var ready = await probe.WaitAsync(TimeSpan.FromSeconds(10), 3 * Second);

            // Then
            ready.Should().BeFalse();
            stub.Count("/server/health").Should().Be(4);
        }

        [Fact]
        public async Task Should_count_the_time_the_server_takes_to_answer_When_answers_are_slow()
        {
            // Given: each answer takes 5 s; the first ends at 5 s, the second starts at 8 s and ends at 13 s
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time }.Always("/server/health", FakeAnswer.Starting with { Takes = 5 * Second });
            using var probe = Probe(stub, time);

            // When
            var ready = await probe.WaitAsync(TimeSpan.FromSeconds(10), 3 * Second);

            // Then
            ready.Should().BeFalse();
            stub.Count("/server/health").Should().Be(2);
            time.Elapsed.Should().Be(13 * Second);
        }

        [Fact]
        public async Task Should_stop_When_canceled()
        {
            // Given
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time }.Always("/server/health", FakeAnswer.Starting);
            using var probe = Probe(stub, time);
            using var cancel = new CancellationTokenSource();
            await cancel.CancelAsync();

            // When
            var act = () => probe.WaitAsync(TimeSpan.FromSeconds(10), Second, cancellationToken: cancel.Token);

            // Then
            await act.Should().ThrowAsync<OperationCanceledException>();
        }
    }

    public sealed class TheIsReadyAsyncMethod
    {
        [Fact]
        public async Task Should_accept_a_pong_When_anonymous_health_is_forbidden_as_on_directus_12()
        {
            // Given
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time }.On("/server/health", FakeAnswer.Forbidden).On("/server/ping", FakeAnswer.Pong);
            using var probe = Probe(stub, time);

            // When
            var ready = await probe.IsReadyAsync();

            // Then
            ready.Should().BeTrue();
            stub.Count("/server/ping").Should().Be(1);
        }

        [Fact]
        public async Task Should_ask_health_with_the_token_When_credentials_are_given()
        {
            // Given
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time }.On("/server/health", FakeAnswer.Healthy);
            using var probe = Probe(stub, time, credentials: DirectusCredentials.FromToken("admin-token"));

            // When
            var ready = await probe.IsReadyAsync();

            // Then
            ready.Should().BeTrue();
            stub.Sent.Single().Authorization.Should().Be("Bearer admin-token");
        }

        [Fact]
        public async Task Should_fall_back_to_ping_When_the_token_may_not_read_health()
        {
            // Given
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time }.On("/server/health", FakeAnswer.Forbidden).On("/server/ping", FakeAnswer.Pong);
            using var probe = Probe(stub, time, credentials: DirectusCredentials.FromToken("not-an-admin"));

            // When / Then
            (await probe.IsReadyAsync()).Should().BeTrue();
        }

        [Fact]
        public async Task Should_not_be_ready_When_health_says_error()
        {
            // Given
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time }.On("/server/health", new FakeAnswer(HttpStatusCode.OK, """{"status":"error"}"""));
            using var probe = Probe(stub, time);

            // When / Then
            (await probe.IsReadyAsync()).Should().BeFalse();
        }

        [Fact]
        public async Task Should_only_ping_under_the_base_path_When_the_criterion_is_ping()
        {
            // Given
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time, BasePath = "/base" }.On("/server/ping", FakeAnswer.Pong);
            using var probe = Probe(stub, time, ReadinessCriterion.Ping, DirectusCredentials.FromToken("t"), new Uri("https://cms.test/base"));

            // When
            var ready = await probe.IsReadyAsync();

            // Then
            ready.Should().BeTrue();
            stub.Sent.Single().Url.Should().Be(new Uri("https://cms.test/base/server/ping"));
            stub.Sent.Single().Authorization.Should().BeNull();
        }

        [Fact]
        public async Task Should_ping_without_logging_in_When_login_credentials_are_given_and_the_criterion_is_ping()
        {
            // Given: a server that is starting cannot log anyone in yet
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time }.On("/server/ping", FakeAnswer.Pong).On("/auth/login", FakeAnswer.Starting);
            using var probe = Probe(stub, time, ReadinessCriterion.Ping, DirectusCredentials.FromLogin("admin@example.com", "secret"));

            // When
            var ready = await probe.IsReadyAsync();

            // Then
            ready.Should().BeTrue();
            stub.Requests.Should().Equal("GET /server/ping");
        }

        [Fact]
        public async Task Should_not_be_ready_When_ping_answers_something_else()
        {
            // Given: a proxy's page in front of a stopped Directus
            var time = new InstantClock();
            var stub = new FakeDirectus { Clock = time }.On("/server/ping", new FakeAnswer(HttpStatusCode.OK, "<html>maintenance</html>"));
            using var probe = Probe(stub, time, ReadinessCriterion.Ping);

            // When / Then
            (await probe.IsReadyAsync()).Should().BeFalse();
        }
    }
}
