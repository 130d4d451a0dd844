using DirectusSync.Upgrade.Providers;

namespace DirectusSync.Upgrade.Tests.Providers;

/// <summary>The directus dependency in a package.json, changed without touching anything else.</summary>
public sealed class PackageJsonDependencyTests
{
    private const string PackageJson = """
        {
          "name": "cms",
          "version": "1.0.0",
          "dependencies": {
            "directus": "^11.17.4",
            "directus-extension-sync": "3.0.6"
          },
          "devDependencies": { "directus": "9.0.0" }
        }
        """;

    [Fact]
    public void Should_read_the_range_When_directus_is_a_dependency()
    {
        // When
        var version = PackageJsonDependency.Read(PackageJson, "directus");

        // Then
        version.Should().Be("^11.17.4");
    }

    [Fact]
    public void Should_pin_the_exact_version_and_keep_the_rest_When_setting_it()
    {
        // When
        var text = PackageJsonDependency.Set(PackageJson, "directus", "12.4.0");

        // Then
        text.Should().Be(PackageJson.Replace("\"directus\": \"^11.17.4\"", "\"directus\": \"12.4.0\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_say_what_is_missing_When_directus_is_not_a_dependency()
    {
        // When
        var act = () => PackageJsonDependency.Set("{ \"dependencies\": { \"express\": \"4.0.0\" } }", "directus", "12.4.0");

        // Then
        act.Should().Throw<InvalidOperationException>().WithMessage("package.json has no \"directus\" entry in \"dependencies\"*");
    }
}
