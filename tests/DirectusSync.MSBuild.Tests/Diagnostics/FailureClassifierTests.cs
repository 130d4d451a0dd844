using DirectusSync.Core.Execution;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using DirectusSync.MSBuild.Configuration;
using DirectusSync.MSBuild.Diagnostics;
using DirectusSync.Core.Diff;

namespace DirectusSync.MSBuild.Tests.Diagnostics;

public sealed class FailureClassifierTests
{
    private static readonly Uri Url = new("http://127.0.0.1:8055");

    public sealed class TheClassifyMethod
    {
        public static TheoryData<Exception, string, string> Failures => new()
        {
            { new DirectusApiException("GET /server/info", 0, null, "Connection refused"), "Diff", Messages.Unreachable },
            { new DirectusApiException("GET /server/info", 401, "INVALID_CREDENTIALS", "Invalid user credentials."), "Diff", Messages.CredentialsRefused },
            { new DirectusApiException("GET /roles", 403, "FORBIDDEN", "You don't have permission"), "Pull", Messages.CredentialsRefused },
            { new DirectusApiException("POST /permissions", 403, "RESOURCE_RESTRICTED", "licence"), "Push", Messages.ApiError },
            { new DirectusApiException("POST /roles", 400, "INVALID_PAYLOAD", "bad"), "Push", Messages.ApiError },
            { new UnsupportedDirectusVersionException(DirectusVersion.Parse("10.1.0"), "too old"), "Diff", Messages.UnsupportedVersion },
            { new SyncOptionsException("--only-collections", "unknown"), "Diff", Messages.InvalidCollections },
            { new OperationCanceledException(), "Push", Messages.Canceled },
            { new InvalidOperationException("Push does not converge"), "Push", Messages.PushStopped },
            { new InvalidOperationException("The snapshot folder / is a file-system root"), "Pull", Messages.Unexpected },
            { new NullReferenceException(), "Diff", Messages.Unexpected },
        };

        [Theory]
        [MemberData(nameof(Failures))]
        public void Should_give_the_failure_its_code_When_the_core_throws(Exception failure, string command, string expected) =>
            FailureClassifier.Classify(failure, Enum.Parse<SyncCommand>(command), Url).Select(d => d.ResourceName).Should().Equal(expected);

        [Fact]
        public void Should_locate_the_error_in_the_file_When_a_dump_file_has_a_json_error()
        {
            // Given
            var failure = new DumpFileException("/dump/collections/roles.json", "invalid JSON at line 12, position 4: ',' is invalid");

            // When
            var diagnostic = FailureClassifier.Classify(failure, SyncCommand.Push, Url).Single();

            // Then
            diagnostic.Should().BeEquivalentTo(new { ResourceName = Messages.BadDumpFile, File = "/dump/collections/roles.json", Line = 12, Column = 4 });
            diagnostic.Arguments.Should().Equal(failure.Problem);
        }

        [Fact]
        public void Should_name_where_the_token_came_from_without_the_token_When_directus_refuses_it()
        {
            // Given
            var connection = ConnectionSettingsResolver.Resolve(
                SettingLayer.FromVariables(SettingSource.Environment, name => name == "DIRECTUS_TOKEN" ? "secret-token" : null));
            var failure = new DirectusApiException("GET /server/info", 401, "INVALID_CREDENTIALS", "Invalid user credentials.");

            // When
            var diagnostic = FailureClassifier.Classify(failure, SyncCommand.Diff, Url, connection).Single();

            // Then
            diagnostic.ResourceName.Should().Be(Messages.CredentialsRefused);
            diagnostic.Arguments.Should().Contain("DIRECTUS_TOKEN");
            diagnostic.Arguments.Select(a => a.ToString()).Should().NotContain(a => a!.Contains("secret-token"));
        }

        [Fact]
        public void Should_report_each_problem_When_the_plan_cannot_be_pushed()
        {
            // Given
            var failure = new PlanValidationException(["roles.json: a", "policies.json: b"]);

            // When
            var diagnostics = FailureClassifier.Classify(failure, SyncCommand.Push, Url);

            // Then
            diagnostics.Select(d => (string)d.Arguments[0]).Should().Equal("roles.json: a", "policies.json: b");
            diagnostics.Should().OnlyContain(d => d.ResourceName == Messages.CannotPush);
        }

        [Fact]
        public void Should_classify_each_inner_failure_When_several_requests_failed_together()
        {
            // Given
            var failure = new AggregateException(
                new DirectusApiException("GET /roles", 0, null, "reset"),
                new DirectusApiException("GET /policies", 500, null, "boom"));

            // When
            var diagnostics = FailureClassifier.Classify(failure, SyncCommand.Diff, Url);

            // Then
            diagnostics.Select(d => d.ResourceName).Should().Equal(Messages.Unreachable, Messages.ApiError);
        }
    }
}
