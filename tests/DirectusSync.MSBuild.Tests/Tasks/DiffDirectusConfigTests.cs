using System.Net;
using DirectusSync.MSBuild.Tests.Support;
using Microsoft.Build.Framework;

namespace DirectusSync.MSBuild.Tests.Tasks;

public sealed class DiffDirectusConfigTests
{
    public sealed class TheExecuteMethod : IDisposable
    {
        private readonly FakeBuildEngine _engine = new();
        private readonly DumpFolder _dump = new();
        private readonly FakeDirectus _server = TranslationsDirectus.Create();

        public TheExecuteMethod()
        {
            _server.AddTranslation("t-1", "sync-1", "greeting", "Hello");
        }

        public void Dispose() => _dump.Dispose();

        [Fact]
        public void Should_fail_with_DSYNC0001_before_any_request_When_the_url_is_missing()
        {
            // Given
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, null);
            task.Url = "";

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeFalse();
            _engine.ErrorCodes.Should().Equal("DSYNC0001");
            _engine.Errors[0].Message.Should().Contain("DirectusSyncUrl").And.Contain("DIRECTUS_URL");
        }

        [Theory]
        [InlineData("cms.example.com")]
        [InlineData("ftp://cms.example.com")]
        [InlineData("not a url")]
        public void Should_fail_with_DSYNC0003_When_the_url_is_not_an_absolute_http_url(string url)
        {
            // Given
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, null);
            task.Url = url;

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeFalse();
            _engine.ErrorCodes.Should().Equal("DSYNC0003");
        }

        [Fact]
        public void Should_fail_with_DSYNC0002_naming_the_token_variable_When_there_are_no_credentials()
        {
            // Given
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, null, environment: []);
            task.TokenVariable = "DIRECTUS_TOKEN_STAGING";

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeFalse();
            _engine.ErrorCodes.Should().Equal("DSYNC0002");
            _engine.Errors[0].Message.Should().Contain("DIRECTUS_TOKEN_STAGING");
        }

        [Fact]
        public void Should_fail_with_DSYNC0004_When_an_email_comes_without_a_password()
        {
            // Given
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, null, environment: new() { ["DIRECTUS_ADMIN_EMAIL"] = "admin@example.com" });

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeFalse();
            _engine.ErrorCodes.Should().Equal("DSYNC0004");
            _engine.Errors[0].Message.Should().Contain("the password");
        }

        [Fact]
        public void Should_fail_with_DSYNC0005_naming_the_property_When_a_collection_name_is_unknown()
        {
            // Given
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, null);
            task.ExcludeCollections = "roles;directus_roles";

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeFalse();
            _engine.ErrorCodes.Should().Equal("DSYNC0005");
            _engine.Errors[0].Message.Should().Contain("DirectusSyncExcludeCollections").And.Contain("'directus_roles'");
        }

        [Fact]
        public void Should_report_every_invalid_setting_at_once_When_several_are_wrong()
        {
            // Given
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, null, environment: []);
            task.Url = "";
            task.OnlyCollections = "nope";
            task.RequestTimeout = 0;

            // When
            task.Execute();

            // Then
            _engine.ErrorCodes.Should().BeEquivalentTo(["DSYNC0001", "DSYNC0002", "DSYNC0005", "DSYNC0006"]);
        }

        [Fact]
        public void Should_succeed_without_drift_When_the_dump_matches_the_server()
        {
            // Given
            _dump.WriteTranslation("sync-1", "greeting", "Hello");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeTrue(string.Join("\n", _engine.AllText));
            task.HasDrift.Should().BeFalse();
            task.ChangeCount.Should().Be(0);
            _engine.Errors.Should().BeEmpty();
            _engine.Messages.Should().Contain(m => m.Importance == MessageImportance.High && m.Message!.Contains("matches the dump"));
            _server.Requests.Should().OnlyContain(r => r.StartsWith("GET ") || r.StartsWith("POST /utils/cache/clear"), "a diff writes nothing");
        }

        [Fact]
        public void Should_fail_with_DSYNC0100_When_a_push_would_change_something()
        {
            // Given
            _dump.WriteTranslation("sync-1", "greeting", "Hallo");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeFalse();
            task.HasDrift.Should().BeTrue();
            task.ChangeCount.Should().Be(1);
            _engine.ErrorCodes.Should().Equal("DSYNC0100");
            _engine.Errors[0].Message.Should().Contain("translations: 1 to update").And.Contain(_dump.Path);
        }

        [Fact]
        public void Should_warn_with_DSYNC0101_and_succeed_When_FailOnDrift_is_false()
        {
            // Given
            _dump.WriteTranslation("sync-1", "greeting", "Hallo");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);
            task.FailOnDrift = false;

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeTrue();
            task.HasDrift.Should().BeTrue();
            _engine.Errors.Should().BeEmpty();
            _engine.Warnings.Select(w => w.Code).Should().Equal("DSYNC0101");
        }

        [Fact]
        public void Should_warn_that_the_token_travels_in_clear_text_When_the_url_is_plain_http_to_another_host()
        {
            // Given a server reached over plain HTTP on a network name
            _dump.WriteTranslation("sync-1", "greeting", "Hallo");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);
            task.Url = "http://directus.test:8055";
            task.FailOnDrift = false;

            // When
            task.Execute();

            // Then the diff runs, with a warning naming the host and the risk
            _engine.Errors.Select(e => e.Message).Should().BeEmpty();
            _engine.Warnings.Should().ContainSingle(w => w.Message != null && w.Message.Contains("clear text", StringComparison.Ordinal))
                .Which.Message.Should().Contain("http://directus.test:8055");
        }

        [Fact]
        public void Should_write_a_markdown_report_without_values_When_ReportPath_is_set()
        {
            // Given
            _dump.WriteTranslation("sync-1", "greeting", "Hallo");
            var report = Path.Combine(_dump.Path, "reports", "drift.md");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);
            task.ReportPath = report;

            // When
            task.Execute();

            // Then
            var text = File.ReadAllText(report);
            text.Should().Contain("| `translations` | 0 | 1 | 0 | 0 | 0 |").And.Contain("- `update translations sync-1 (id: t-1): value`");
            text.Should().NotContain("Hallo", "values may be secrets; the report names fields only");
        }

        [Fact]
        public void Should_log_the_changed_field_names_but_no_values_When_ShowValues_is_false()
        {
            // Given
            _dump.WriteTranslation("sync-1", "greeting", "Hallo");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);
            task.FailOnDrift = false;

            // When
            task.Execute();

            // Then
            _engine.AllText.Should().Contain(t => t.Contains("update translations sync-1 (id: t-1): value", StringComparison.Ordinal));
            _engine.AllText.Should().NotContain(t => t.Contains("Hallo", StringComparison.Ordinal) || t.Contains("Hello", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_log_and_report_values_with_a_credential_masked_When_ShowValues_is_true()
        {
            // Given
            _dump.WriteTranslation("sync-1", "greeting", "Bearer new-token-123");
            var report = Path.Combine(_dump.Path, "reports", "drift.md");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);
            task.FailOnDrift = false;
            task.ShowValues = true;
            task.ReportPath = report;

            // When
            task.Execute();

            // Then
            _engine.AllText.Should().Contain(t => t.Contains("value: \"Hello\" → \"***\"", StringComparison.Ordinal));
            _engine.AllText.Should().NotContain(t => t.Contains("new-token-123", StringComparison.Ordinal));
            File.ReadAllText(report).Should().Contain("\"Hello\" → \"***\"").And.NotContain("new-token-123");
        }

        [Fact]
        public void Should_point_at_the_file_and_line_with_DSYNC0300_before_any_request_When_a_dump_file_is_not_json()
        {
            // Given
            var file = _dump.WriteCollection("translations", "[\n  { \"key\": \"a\", },\n]\n");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, null);

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeFalse();
            var error = _engine.Errors.Should().ContainSingle().Subject;
            error.Code.Should().Be("DSYNC0300");
            error.File.Should().Be(file);
            error.LineNumber.Should().Be(2);
            error.Message.Should().StartWith("invalid JSON at line 2");
        }

        [Fact]
        public void Should_fail_with_DSYNC0202_and_mask_the_token_When_Directus_refuses_it()
        {
            // Given a server whose error message echoes the token
            _server.Override = _ => (HttpStatusCode.Unauthorized,
                $$$"""{"errors":[{"message":"Invalid token {{{ConfiguredTasks.Token}}}","extensions":{"code":"INVALID_CREDENTIALS"}}]}""");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);
            _dump.WriteTranslation("sync-1", "greeting", "Hello");

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeFalse();
            _engine.ErrorCodes.Should().Equal("DSYNC0202");
            _engine.Errors[0].Message.Should().Contain("Invalid token ***");
            _engine.AllText.Should().NotContain(t => t.Contains(ConfiguredTasks.Token));
        }

        [Fact]
        public void Should_send_the_token_from_the_variable_named_by_TokenVariable_and_never_log_it()
        {
            // Given
            _dump.WriteTranslation("sync-1", "greeting", "Hello");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server, environment: new() { ["DIRECTUS_TOKEN_DEV"] = "dev-token-0815" });
            task.TokenVariable = "DIRECTUS_TOKEN_DEV";

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeTrue();
            _server.Authorizations.Should().NotBeEmpty().And.OnlyContain(a => a == "Bearer dev-token-0815");
            _engine.AllText.Should().NotContain(t => t.Contains("dev-token-0815"));
            _engine.Messages.Should().Contain(m => m.Message!.Contains("token ***"));
        }

        [Fact]
        public void Should_prefer_the_Token_parameter_over_the_environment()
        {
            // Given
            _dump.WriteTranslation("sync-1", "greeting", "Hello");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);
            task.Token = "explicit-token";

            // When
            task.Execute();

            // Then
            _server.Authorizations.Should().OnlyContain(a => a == "Bearer explicit-token");
        }

        [Fact]
        public void Should_fail_with_DSYNC0201_When_Directus_cannot_be_reached()
        {
            // Given
            _server.Override = _ => throw new HttpRequestException("Connection refused (directus.test:8055)");
            _dump.WriteTranslation("sync-1", "greeting", "Hello");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeFalse();
            _engine.ErrorCodes.Should().Equal("DSYNC0201");
            _engine.Errors[0].Message.Should().Contain("https://directus.test:8055/").And.Contain("Connection refused");
        }

        [Fact]
        public void Should_fail_with_DSYNC0203_When_the_Directus_version_is_not_supported()
        {
            // Given
            _server.Version = "10.13.0";
            _dump.WriteTranslation("sync-1", "greeting", "Hello");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);

            // When
            task.Execute();

            // Then
            _engine.ErrorCodes.Should().Equal("DSYNC0203");
            _engine.Errors[0].Message.Should().Contain("10.13.0");
        }

        [Fact]
        public void Should_fail_with_DSYNC0200_and_Directus_message_When_a_request_fails()
        {
            // Given
            _server.Override = _ => (HttpStatusCode.InternalServerError, """{"errors":[{"message":"SQLITE_BUSY: database is locked","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}""");
            _dump.WriteTranslation("sync-1", "greeting", "Hello");
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);

            // When
            task.Execute();

            // Then
            _engine.ErrorCodes.Should().Equal("DSYNC0200");
            _engine.Errors[0].Message.Should().Contain("GET /server/info failed with HTTP 500").And.Contain("SQLITE_BUSY");
        }

        [Fact]
        public async Task Should_fail_with_DSYNC0901_When_the_build_is_canceled()
        {
            // Given a server that never answers
            _dump.WriteTranslation("sync-1", "greeting", "Hello");
            var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, _server);
            _server.HoldEvery = (_, cancellationToken) =>
            {
                asked.TrySetResult();
                // Only the build's cancellation ends this request.
                return Task.Delay(Timeout.Infinite, cancellationToken);
            };

            // When the build is canceled while the task waits for the server
            var run = Task.Run(task.Execute);
            (await Task.WhenAny(asked.Task, run)).Should().BeSameAs(asked.Task, "the task asks the server before it ends");
            task.Cancel();

            // Then (only the cancellation can end the held request, so the task ending at all shows it was honoured)
            var succeeded = await run;
            succeeded.Should().BeFalse();
            _engine.ErrorCodes.Should().Equal("DSYNC0901");
        }

        [Fact]
        public void Should_log_where_RestSharp_and_Newtonsoft_Json_were_loaded_from()
        {
            // Given
            var task = ConfiguredTasks.Diff(_engine, _dump.Path, null);
            task.Url = "";

            // When
            task.Execute();

            // Then
            var loading = _engine.Messages.Where(m => m.Message!.StartsWith("DirectusSync.MSBuild: ", StringComparison.Ordinal)).ToList();
            loading.Should().HaveCount(3).And.OnlyContain(m => m.Importance == MessageImportance.Low);
            loading.Select(m => m.Message).Should().Contain(m => m!.Contains("Newtonsoft.Json 13.0.4")).And.Contain(m => m!.Contains("RestSharp 114"));
        }
    }
}
