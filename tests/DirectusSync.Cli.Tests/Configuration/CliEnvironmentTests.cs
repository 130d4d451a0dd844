using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Tests.Support;

namespace DirectusSync.Cli.Tests.Configuration;

public sealed class CliEnvironmentTests
{
    public sealed class TheWithDotEnv
    {
        [Fact]
        public void Should_not_override_a_set_variable_When_dot_env_has_it_too()
        {
            // Given
            using var folder = new TempFolder();
            folder.Write(".env", "DIRECTUS_URL=http://from-dotenv\nDIRECTUS_TOKEN=from-dotenv");
            var variables = new Dictionary<string, string> { ["DIRECTUS_URL"] = "http://from-process" };

            // When
            var merged = CliEnvironment.WithDotEnv(variables, folder.Path);

            // Then
            merged["DIRECTUS_URL"].Should().Be("http://from-process");
            merged["DIRECTUS_TOKEN"].Should().Be("from-dotenv");
        }

        [Fact]
        public void Should_return_the_variables_unchanged_When_there_is_no_dot_env()
        {
            // Given
            using var folder = new TempFolder();
            var variables = new Dictionary<string, string> { ["A"] = "1" };

            // When
            var merged = CliEnvironment.WithDotEnv(variables, folder.Path);

            // Then
            merged.Should().BeEquivalentTo(variables);
        }
    }

    public sealed class TheSettingLayersProperty
    {
        [Fact]
        public void Should_say_the_token_came_from_dot_env_and_the_url_from_the_process_When_each_is_set_in_one_place()
        {
            // Given
            var environment = new CliEnvironment(
                "/w",
                new Dictionary<string, string> { ["DIRECTUS_URL"] = "http://from-process" },
                new Dictionary<string, string> { ["DIRECTUS_URL"] = "http://from-dotenv", ["DIRECTUS_TOKEN"] = "dotenv-secret" });

            // When
            var config = ConfigResolver.Resolve([OptionLayer.Defaults(), OptionLayer.FromEnvironment(environment)]);

            // Then
            config.Connection.Url!.Value.Should().Be("http://from-process");
            config.Connection.UrlOrigin.Should().Be("DIRECTUS_URL");
            config.Connection.CredentialsOrigin.Should().Be("DIRECTUS_TOKEN from .env");
        }

        [Fact]
        public void Should_let_the_config_file_lose_to_dot_env_When_both_set_the_token()
        {
            // Given
            var environment = new CliEnvironment("/w", new Dictionary<string, string>(), new Dictionary<string, string> { ["DIRECTUS_TOKEN"] = "dotenv" });
            OptionLayer[] layers =
            [
                OptionLayer.Defaults(),
                new("/w/directus-sync.config.json", Newtonsoft.Json.Linq.JObject.Parse("""{"directusToken":"file"}""")),
                OptionLayer.FromEnvironment(environment),
            ];

            // When
            var config = ConfigResolver.Resolve(layers);

            // Then
            config.Connection.Token!.Value.Should().Be("dotenv");
        }
    }
}
