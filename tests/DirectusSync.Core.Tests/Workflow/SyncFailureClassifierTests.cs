using DirectusSync.Core.Execution;
using DirectusSync.Core.Seed;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using DirectusSync.Core.Diff;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class SyncFailureClassifierTests
{
    private static readonly ConnectionSettings Connection = new()
    {
        Url = new SettingValue("http://cms:8055", SettingSource.ConfigFile, "directusUrl", "directus-sync.config.json"),
        Token = new SettingValue("the-secret-token", SettingSource.DotEnvFile, "DIRECTUS_TOKEN", ".env"),
    };

    private sealed class RefusedByGuard() : Exception("the push would drop collection articles (12 rows)"), ICategorizedFailure
    {
        public FailureCategory Category => FailureCategory.GuardRefusal;
    }

    public sealed class TheClassifyMethod
    {
        public static TheoryData<Exception, FailureCategory> Failures => new()
        {
            { new DumpFileException("/d/roles.json", "invalid JSON at line 3, position 7: x"), FailureCategory.DumpFile },
            { new PlanValidationException(["a", "b"]), FailureCategory.DumpFile },
            { new SyncOptionsException("--only-collections", "unknown collection 'x'"), FailureCategory.Usage },
            { new UnsupportedDirectusVersionException(DirectusVersion.Parse("10.1.0"), "too old"), FailureCategory.Version },
            { new DirectusApiException("GET /server/info", 0, null, "Connection refused"), FailureCategory.Unreachable },
            { new DirectusApiException("GET /server/info", 401, "INVALID_CREDENTIALS", "Invalid user credentials."), FailureCategory.Authentication },
            { new DirectusApiException("GET /roles", 403, "FORBIDDEN", "You don't have permission"), FailureCategory.Authentication },
            { new DirectusApiException("POST /permissions", 403, "RESOURCE_RESTRICTED", "licence"), FailureCategory.LicenceRestriction },
            { new DirectusApiException("POST /roles", 400, "INVALID_PAYLOAD", "bad"), FailureCategory.ServerError },
            { new DirectusApiException("GET /roles", 500, null, "boom"), FailureCategory.ServerError },
            { new TimeoutException("Timeout waiting for server to be ready after 1s"), FailureCategory.Unreachable },
            { new OperationCanceledException(), FailureCategory.Canceled },
            { new InvalidOperationException("Push does not converge"), FailureCategory.Stopped },
            { new SeedPushException("circle"), FailureCategory.Stopped },
            { new RefusedByGuard(), FailureCategory.GuardRefusal },
            { new NullReferenceException(), FailureCategory.Unexpected },
            { new AggregateException(new DirectusApiException("GET /roles", 401, null, "no")), FailureCategory.Authentication },
        };

        [Theory]
        [MemberData(nameof(Failures))]
        public void Should_give_the_failure_its_category_When_a_run_throws(Exception error, FailureCategory expected) =>
            SyncFailureClassifier.Classify(error).Category.Should().Be(expected);

        [Fact]
        public void Should_not_blame_the_credentials_When_directus_12_refuses_a_feature_without_a_licence()
        {
            // Given
            var error = new DirectusApiException("POST /permissions", 403, "RESOURCE_RESTRICTED", "Directus 12 without a licence refuses custom permission rules");

            // When
            var failure = SyncFailureClassifier.Classify(error, Connection);

            // Then
            failure.Category.Should().Be(FailureCategory.LicenceRestriction);
            failure.Describe().Should().Contain("licence").And.NotContain("administrator").And.NotContain("credentials");
            failure.IsExpected.Should().BeTrue();
        }

        [Fact]
        public void Should_say_where_the_token_came_from_without_the_token_When_it_is_refused()
        {
            // Given
            var error = new DirectusApiException("GET /server/info", 401, "INVALID_CREDENTIALS", "Invalid user credentials.");

            // When
            var text = SyncFailureClassifier.Classify(error, Connection).Describe();

            // Then
            text.Should().Contain("HTTP 401").And.Contain("DIRECTUS_TOKEN from .env").And.NotContain("the-secret-token");
        }

        [Fact]
        public void Should_say_where_the_url_came_from_When_directus_does_not_answer()
        {
            // Given
            var error = new DirectusApiException("GET /server/info", 0, null, "Connection refused");

            // When
            var failure = SyncFailureClassifier.Classify(error, Connection);

            // Then
            failure.Hint.Should().Be("Is Directus running at http://cms:8055? (URL from directusUrl in directus-sync.config.json)");
            failure.StatusCode.Should().Be(0);
        }

        [Fact]
        public void Should_add_no_hint_When_the_connection_is_unknown()
        {
            // Given
            var error = new DirectusApiException("GET /roles", 403, "FORBIDDEN", "no");

            // When / Then
            SyncFailureClassifier.Classify(error).Hint.Should().BeNull();
        }

        [Fact]
        public void Should_locate_the_error_in_the_file_When_a_dump_file_has_a_json_error()
        {
            // Given
            var error = new DumpFileException("/dump/collections/roles.json", "invalid JSON at line 12, position 4: ',' is invalid");

            // When
            var failure = SyncFailureClassifier.Classify(error);

            // Then
            failure.Should().BeEquivalentTo(new { Category = FailureCategory.DumpFile, File = "/dump/collections/roles.json", Line = 12, Column = 4 });
        }

        [Fact]
        public void Should_keep_the_option_at_fault_When_a_setting_is_invalid()
        {
            // Given
            var error = new SyncOptionsException("--exclude-collections", "unknown collection 'x'");

            // When / Then
            SyncFailureClassifier.Classify(error).Option.Should().Be("--exclude-collections");
        }

        [Fact]
        public void Should_name_the_type_and_mark_it_unexpected_When_the_failure_is_a_bug()
        {
            // Given
            var error = new NullReferenceException("Object reference not set");

            // When
            var failure = SyncFailureClassifier.Classify(error);

            // Then
            failure.IsExpected.Should().BeFalse();
            failure.Message.Should().Be("NullReferenceException: Object reference not set");
        }
    }

    public sealed class TheClassifyAllMethod
    {
        [Fact]
        public void Should_classify_each_inner_failure_When_several_requests_failed_together()
        {
            // Given
            var error = new AggregateException(
                new DirectusApiException("GET /roles", 0, null, "reset"),
                new DirectusApiException("GET /policies", 500, null, "boom"));

            // When
            var failures = SyncFailureClassifier.ClassifyAll(error);

            // Then
            failures.Select(f => f.Category).Should().Equal(FailureCategory.Unreachable, FailureCategory.ServerError);
        }
    }
}
