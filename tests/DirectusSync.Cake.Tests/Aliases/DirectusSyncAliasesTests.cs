using Cake.Core;
using DirectusSync.Cake.Hosting;
using DirectusSync.Cake.Settings;
using DirectusSync.Cake.Tests.Support;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake.Tests.Aliases;

/// <summary>
/// The aliases' argument checks, with a substituted <see cref="ICakeContext"/>: every missing or wrong
/// setting fails before Directus is contacted, with a message naming the alias and the setting. Where a
/// request is needed to show which URL was used, it goes to a closed port (127.0.0.1:1).
/// </summary>
public sealed class DirectusSyncAliasesTests : IDisposable
{
    private const string ClosedPort = "http://127.0.0.1:1";
    private readonly TempFolder _folder = new();
    private readonly FakeCakeContext _cake;

    public DirectusSyncAliasesTests() => _cake = new FakeCakeContext(_folder.Path);

    public void Dispose() => _folder.Dispose();

    public sealed class TheDirectusSyncPullAlias : IDisposable
    {
        private readonly DirectusSyncAliasesTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void Should_throw_ArgumentNullException_When_the_context_is_null()
        {
            // Given
            ICakeContext context = null!;

            // When
            var act = () => context.DirectusSyncPull(new DirectusSyncPullSettings());

            // Then
            act.Should().Throw<ArgumentNullException>().WithParameterName("context");
        }

        [Fact]
        public void Should_throw_ArgumentNullException_When_the_settings_are_null()
        {
            // When
            var act = () => _t._cake.Context.DirectusSyncPull((DirectusSyncPullSettings)null!);

            // Then
            act.Should().Throw<ArgumentNullException>().WithParameterName("settings");
        }

        [Fact]
        public void Should_throw_ArgumentNullException_When_the_configure_action_is_null()
        {
            // When
            var act = () => _t._cake.Context.DirectusSyncPull((Action<DirectusSyncPullSettings>)null!);

            // Then
            act.Should().Throw<ArgumentNullException>().WithParameterName("configure");
        }

        [Fact]
        public void Should_name_the_setting_and_the_variable_When_no_url_is_given()
        {
            // When
            var act = () => _t._cake.Context.DirectusSyncPull(s => s.WithToken("token"));

            // Then
            act.Should().Throw<CakeException>().WithMessage("DirectusSyncPull: no Directus URL*WithUrl*DIRECTUS_URL*");
        }

        [Fact]
        public void Should_refuse_it_When_the_url_is_not_http()
        {
            // When
            var act = () => _t._cake.Context.DirectusSyncPull(s => s.WithUrl("ftp://example.com").WithToken("token"));

            // Then
            act.Should().Throw<CakeException>().WithMessage("DirectusSyncPull: 'ftp://example.com' is not a Directus URL*");
        }

        [Fact]
        public void Should_name_both_ways_to_log_in_When_no_credentials_are_given()
        {
            // When
            var act = () => _t._cake.Context.DirectusSyncPull(s => s.WithUrl(ClosedPort));

            // Then
            act.Should().Throw<CakeException>().WithMessage("DirectusSyncPull: no credentials*WithToken*WithLogin*DIRECTUS_TOKEN*");
        }

        [Fact]
        public void Should_use_the_environment_When_the_settings_leave_the_connection_unset()
        {
            // Given
            _t._cake.Variables["DIRECTUS_URL"] = ClosedPort;
            _t._cake.Variables["DIRECTUS_TOKEN"] = "token-from-env";

            // When
            var act = () => _t._cake.Context.DirectusSyncPull();

            // Then the request went to the URL of the environment
            var thrown = act.Should().Throw<CakeException>().WithMessage("DirectusSync failed (Directus unreachable):*got no answer*127.0.0.1:1*").Which;
            CakeFailure.CategoryOf(thrown).Should().Be(FailureCategory.Unreachable);
            thrown.InnerException.Should().BeOfType<DirectusApiException>();
        }
    }

    public sealed class TheDirectusSyncDiffAlias : IDisposable
    {
        private readonly DirectusSyncAliasesTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void Should_throw_ArgumentNullException_When_the_settings_are_null()
        {
            // When
            var act = () => _t._cake.Context.DirectusSyncDiff((DirectusSyncDiffSettings)null!);

            // Then
            act.Should().Throw<ArgumentNullException>().WithParameterName("settings");
        }

        [Fact]
        public void Should_name_the_diff_alias_When_no_url_is_given()
        {
            // When
            var act = () => _t._cake.Context.DirectusSyncDiff();

            // Then
            act.Should().Throw<CakeException>().WithMessage("DirectusSyncDiff: no Directus URL*");
        }
    }

    public sealed class TheDirectusSyncPushAlias : IDisposable
    {
        private readonly DirectusSyncAliasesTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void Should_refuse_before_any_request_When_the_dump_does_not_exist()
        {
            // When
            var act = () => _t._cake.Context.DirectusSyncPush(s => s.WithUrl(ClosedPort).WithToken("token").WithDumpPath("missing-dump"));

            // Then the path is resolved against Cake's working directory
            act.Should().Throw<CakeException>()
                .WithMessage($"DirectusSyncPush: the dump {Path.Combine(_t._folder.Path, "missing-dump")} does not exist; nothing was pushed.");
        }
    }

    public sealed class TheDirectusSyncRestoreAlias : IDisposable
    {
        private readonly DirectusSyncAliasesTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void Should_ask_for_the_backup_folder_When_none_is_given()
        {
            // When
            var act = () => _t._cake.Context.DirectusSyncRestore(s => s.WithUrl(ClosedPort).WithToken("token"));

            // Then
            act.Should().Throw<CakeException>().WithMessage("DirectusSyncRestore: no backup folder*WithBackupPath*");
        }

        [Fact]
        public void Should_say_it_is_no_backup_When_the_folder_has_no_manifest()
        {
            // Given
            Directory.CreateDirectory(_t._folder.Combine("not-a-backup"));

            // When
            var act = () => _t._cake.Context.DirectusSyncRestore(s => s.WithUrl(ClosedPort).WithToken("token").WithBackupPath("not-a-backup"));

            // Then
            act.Should().Throw<CakeException>().WithMessage("DirectusSyncRestore:*not-a-backup is not a DirectusSync backup: it has no backup.json.");
        }
    }

    public sealed class TheDirectusSyncBackupAlias : IDisposable
    {
        private readonly DirectusSyncAliasesTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void Should_refuse_it_When_the_directus_env_file_does_not_exist()
        {
            // When
            var act = () => _t._cake.Context.DirectusSyncBackup(s => s.WithUrl(ClosedPort).WithToken("token").WithDirectusEnvFile("missing.env"));

            // Then
            act.Should().Throw<CakeException>().WithMessage("DirectusSyncBackup: the Directus env file *missing.env does not exist.");
        }
    }

    public sealed class TheDirectusSyncWaitReadyAlias : IDisposable
    {
        private readonly DirectusSyncAliasesTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void Should_fail_after_the_timeout_When_nothing_answers()
        {
            // Given nothing listening

            // When
            var act = () => _t._cake.Context.DirectusSyncWaitReady(s => s.WithUrl(ClosedPort).WithTimeout(TimeSpan.FromMilliseconds(300)));

            // Then no credentials were needed, and the wait ended with the timeout's message
            act.Should().Throw<CakeException>().WithMessage("Directus at http://127.0.0.1:1/ did not answer /server/ping within 0 s.");
        }

        [Fact]
        public void Should_refuse_it_When_the_interval_is_not_positive()
        {
            // Given
            var settings = new DirectusSyncWaitReadySettings { Url = ClosedPort, Interval = TimeSpan.Zero };

            // When
            var act = () => _t._cake.Context.DirectusSyncWaitReady(settings);

            // Then
            act.Should().Throw<CakeException>().WithMessage("DirectusSyncWaitReady: Timeout and Interval must be positive.");
        }
    }

    public sealed class TheDirectusSyncServerInfoAlias : IDisposable
    {
        private readonly DirectusSyncAliasesTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void Should_log_in_with_the_environment_login_When_no_token_is_set()
        {
            // Given
            _t._cake.Variables["DIRECTUS_ADMIN_EMAIL"] = "admin@example.com";
            _t._cake.Variables["DIRECTUS_ADMIN_PASSWORD"] = "secret";

            // When
            var act = () => _t._cake.Context.DirectusSyncServerInfo(s => s.WithUrl(ClosedPort));

            // Then the login was tried (and found nobody to answer)
            act.Should().Throw<CakeException>().WithInnerException<DirectusApiException>()
                .Where(e => e.Request.StartsWith("POST /auth/login", StringComparison.Ordinal));
        }
    }
}
