using DirectusSync.Core.Workflow;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class ConnectionSettingsResolverTests
{
    private static SettingLayer Variables(SettingSource source, params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return SettingLayer.FromVariables(source, values.GetValueOrDefault, source == SettingSource.DotEnvFile ? ".env" : null);
    }

    public sealed class TheResolveMethod
    {
        [Fact]
        public void Should_prefer_flags_then_environment_then_dotenv_then_config_file_When_every_source_sets_the_url()
        {
            // Given: the layers in a shuffled order; the source decides, not the position
            var file = SettingLayer.Of(SettingSource.ConfigFile, "/w/directus-sync.config.json").With(ConnectionSettingName.Url, "directusUrl", "http://file");
            var dotEnv = Variables(SettingSource.DotEnvFile, ("DIRECTUS_URL", "http://dotenv"));
            var environment = Variables(SettingSource.Environment, ("DIRECTUS_URL", "http://env"));
            var flags = SettingLayer.Of(SettingSource.Explicit).With(ConnectionSettingName.Url, "--directus-url", "http://flag");

            // When
            var all = ConnectionSettingsResolver.Resolve(flags, file, environment, dotEnv);
            var noFlag = ConnectionSettingsResolver.Resolve(file, dotEnv, environment);
            var noEnvironment = ConnectionSettingsResolver.Resolve(dotEnv, file);
            var fileOnly = ConnectionSettingsResolver.Resolve(file);

            // Then
            all.Url!.Value.Should().Be("http://flag");
            noFlag.Url!.Value.Should().Be("http://env");
            noEnvironment.Url!.Value.Should().Be("http://dotenv");
            fileOnly.Url!.Value.Should().Be("http://file");
        }

        [Fact]
        public void Should_resolve_each_setting_on_its_own_When_sources_set_different_settings()
        {
            // Given
            var file = SettingLayer.Of(SettingSource.ConfigFile, "c.json").With(ConnectionSettingName.Url, "directusUrl", "http://file");
            var environment = Variables(SettingSource.Environment, ("DIRECTUS_TOKEN", "env-token"));

            // When
            var settings = ConnectionSettingsResolver.Resolve(file, environment);

            // Then
            settings.UrlOrigin.Should().Be("directusUrl in c.json");
            settings.CredentialsOrigin.Should().Be("DIRECTUS_TOKEN");
        }

        [Fact]
        public void Should_name_the_dotenv_file_When_the_token_came_from_it()
        {
            // Given
            var dotEnv = Variables(SettingSource.DotEnvFile, ("DIRECTUS_TOKEN", "secret-from-dotenv"));

            // When
            var settings = ConnectionSettingsResolver.Resolve(dotEnv);

            // Then
            settings.CredentialsOrigin.Should().Be("DIRECTUS_TOKEN from .env");
            settings.Token!.ToString().Should().NotContain("secret-from-dotenv");
        }

        [Fact]
        public void Should_use_the_token_When_a_token_and_a_login_come_from_different_sources()
        {
            // Given: the login is explicit, the token only in the environment; the reference lets a token win
            var environment = Variables(SettingSource.Environment, ("DIRECTUS_TOKEN", "env-token"));
            var flags = SettingLayer.Of(SettingSource.Explicit)
                .With(ConnectionSettingName.Email, "--directus-email", "a@b.c")
                .With(ConnectionSettingName.Password, "--directus-password", "pw");

            // When
            var settings = ConnectionSettingsResolver.Resolve(environment, flags);

            // Then
            settings.Credentials!.Token.Should().Be("env-token");
            settings.CredentialsOrigin.Should().Be("DIRECTUS_TOKEN");
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(null)]
        public void Should_fall_through_to_a_lower_source_When_a_higher_one_is_blank(string? blank)
        {
            // Given
            var environment = Variables(SettingSource.Environment, ("DIRECTUS_URL", "http://env"));
            var flags = SettingLayer.Of(SettingSource.Explicit).With(ConnectionSettingName.Url, "DirectusSyncUrl", blank);

            // When
            var settings = ConnectionSettingsResolver.Resolve(environment, flags);

            // Then
            settings.Url!.Value.Should().Be("http://env");
            settings.UrlOrigin.Should().Be("DIRECTUS_URL");
        }

        [Fact]
        public void Should_read_the_token_from_another_variable_When_one_is_named()
        {
            // Given: MSBuild's DirectusSyncTokenVariable
            var variables = new Dictionary<string, string> { ["DIRECTUS_TOKEN"] = "default", ["STAGING_TOKEN"] = "staging" };

            // When
            var settings = ConnectionSettingsResolver.Resolve(SettingLayer.FromVariables(SettingSource.Environment, variables.GetValueOrDefault, tokenVariable: "STAGING_TOKEN"));

            // Then
            settings.Token!.Value.Should().Be("staging");
            settings.CredentialsOrigin.Should().Be("STAGING_TOKEN");
        }

        [Fact]
        public void Should_trim_the_url_token_and_email_but_keep_the_password_When_values_have_surrounding_blanks()
        {
            // Given
            var flags = SettingLayer.Of(SettingSource.Explicit)
                .With(ConnectionSettingName.Url, "u", " http://x \n")
                .With(ConnectionSettingName.Email, "e", " a@b.c ")
                .With(ConnectionSettingName.Password, "p", " pass word ");

            // When
            var settings = ConnectionSettingsResolver.Resolve(flags);

            // Then
            settings.Url!.Value.Should().Be("http://x");
            settings.Email!.Value.Should().Be("a@b.c");
            settings.Password!.Value.Should().Be(" pass word ");
        }
    }
}
