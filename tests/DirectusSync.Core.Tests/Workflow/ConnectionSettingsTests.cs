using DirectusSync.Core.Workflow;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class ConnectionSettingsTests
{
    private static SettingValue Flag(string value, string name = "--flag") => new(value, SettingSource.Explicit, name);

    public sealed class TheProblemsProperty
    {
        [Fact]
        public void Should_report_a_missing_url_and_missing_credentials_When_nothing_is_set()
        {
            // Given
            var settings = new ConnectionSettings();

            // When
            var kinds = settings.Problems.Select(p => p.Kind);

            // Then
            kinds.Should().Equal(ConnectionProblemKind.MissingUrl, ConnectionProblemKind.MissingCredentials);
        }

        [Theory]
        [InlineData("ftp://example.com")]
        [InlineData("localhost:8055")]
        [InlineData("not a url")]
        public void Should_report_an_invalid_url_with_its_origin_When_it_is_not_absolute_http(string url)
        {
            // Given
            var settings = new ConnectionSettings { Url = new SettingValue(url, SettingSource.DotEnvFile, "DIRECTUS_URL", ".env"), Token = Flag("t") };

            // When
            var problem = settings.Problems.Should().ContainSingle().Subject;

            // Then
            problem.Kind.Should().Be(ConnectionProblemKind.InvalidUrl);
            problem.Message.Should().Contain(url).And.Contain("DIRECTUS_URL from .env");
            settings.ParsedUrl.Should().BeNull();
        }

        [Fact]
        public void Should_name_the_missing_half_without_the_password_When_only_the_password_is_set()
        {
            // Given
            var settings = new ConnectionSettings { Url = Flag("http://x"), Password = Flag("very-secret", "DIRECTUS_ADMIN_PASSWORD") };

            // When
            var problem = settings.Problems.Should().ContainSingle().Subject;

            // Then
            problem.Kind.Should().Be(ConnectionProblemKind.MissingEmail);
            problem.Message.Should().Contain("DIRECTUS_ADMIN_PASSWORD").And.NotContain("very-secret");
        }

        [Fact]
        public void Should_report_a_missing_password_When_only_the_email_is_set()
        {
            // Given
            var settings = new ConnectionSettings { Url = Flag("http://x"), Email = Flag("a@b.c") };

            // When / Then
            settings.Problems.Select(p => p.Kind).Should().Equal(ConnectionProblemKind.MissingPassword);
            settings.Credentials.Should().BeNull();
        }

        [Fact]
        public void Should_have_no_problem_When_a_url_and_a_login_are_set()
        {
            // Given
            var settings = new ConnectionSettings { Url = Flag("https://cms.example.com/base/"), Email = Flag("a@b.c"), Password = Flag("pw") };

            // When / Then
            settings.Problems.Should().BeEmpty();
            settings.ParsedUrl.Should().Be(new Uri("https://cms.example.com/base/"));
            settings.Credentials!.Email.Should().Be("a@b.c");
        }
    }

    public sealed class TheToStringMethod
    {
        [Fact]
        public void Should_never_show_secrets_When_connection_settings_are_printed()
        {
            // Given
            var login = new ConnectionSettings { Url = Flag("http://x"), Email = Flag("a@b.c"), Password = Flag("very-secret") };
            var token = new ConnectionSettings { Url = Flag("http://x"), Token = Flag("secret-token") };

            // When
            var texts = new[] { login.ToString(), token.ToString(), login.Password!.ToString(), token.Token!.ToString(), token.CredentialsOrigin };

            // Then
            texts.Should().NotContain(t => t.Contains("very-secret") || t.Contains("secret-token"));
            login.ToString().Should().Contain("a@b.c");
        }
    }

    public sealed class TheSecretsProperty
    {
        [Fact]
        public void Should_list_the_token_and_the_password_When_both_are_set()
        {
            // Given
            var settings = new ConnectionSettings { Token = Flag("tok"), Email = Flag("a@b.c"), Password = Flag("pw") };

            // When / Then
            settings.Secrets.Should().Equal("tok", "pw");
        }
    }
}
