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
}
