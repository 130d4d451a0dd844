using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Upgrade.Versions;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Tests.Versions;

/// <summary>Every version string is a semantic version before it reaches a shell, a compose file or package.json.</summary>
public sealed class StrictVersionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("12.4.0")]
    [InlineData("11.17.4")]
    [InlineData("0.0.0")]
    [InlineData("12.0.0-beta.1")]
    [InlineData("12.0.0-rc.1+build.5")]
    public void Should_accept_the_version_When_it_is_semantic(string text)
    {
        // When
        var version = StrictVersion.Parse(text, "--directus-version");

        // Then
        version.Text.Should().Be(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("12.4")]
    [InlineData("v12.4.0")]
    [InlineData("^12.4.0")]
    [InlineData("12.4.0 ")]
    [InlineData("12.4.0\n")]
    [InlineData("012.4.0")]
    [InlineData("12.4.0.1")]
    [InlineData("12.4.0; rm -rf /")]
    [InlineData("12.4.0$(touch pwned)")]
    [InlineData("12.4.0-`id`")]
    [InlineData("12.4.0-beta..1")]
    [InlineData("latest")]
    public void Should_refuse_the_version_naming_its_source_When_it_is_not_semantic(string text)
    {
        // When
        var act = () => StrictVersion.Parse(text, "--directus-version");

        // Then
        act.Should().Throw<FormatException>().WithMessage("--directus-version: '*' is not a semantic version*");
    }

    [Fact]
    public async Task Should_run_nothing_When_a_version_for_the_shell_is_not_semantic()
    {
        // Given: a version that did not come through StrictVersion.Parse (e.g. read from a server)
        var runner = new RecordingRunner();
        var provider = new CommandsProvider(new CommandsProviderOptions { Stop = "stop", Start = "start", Bump = "./bump.sh {version}" }, runner);

        // When
        var act = () => provider.BumpAsync(DirectusVersion.Parse("12.4.0;reboot"));

        // Then
        await act.Should().ThrowAsync<FormatException>().WithMessage("the target version: '12.4.0;reboot' is not a semantic version*");
        runner.Commands.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_leave_the_compose_file_alone_When_the_version_is_not_semantic()
    {
        // Given
        var compose = _folder.Write("docker-compose.yml", "services:\n  directus:\n    image: directus/directus:11.17.4\n");
        var provider = new DockerComposeProvider(new DockerComposeProviderOptions { ComposeFile = compose }, new RecordingRunner());

        // When
        var act = () => provider.BumpAsync(DirectusVersion.Parse("12.4.0\n    privileged: true"));

        // Then
        await act.Should().ThrowAsync<FormatException>();
        (await File.ReadAllTextAsync(compose)).Should().Be("services:\n  directus:\n    image: directus/directus:11.17.4\n");
    }

    [Fact]
    public async Task Should_leave_package_json_alone_When_the_version_is_not_semantic()
    {
        // Given
        var project = _folder.Combine("project");
        _folder.Write("project/package.json", "{\n  \"dependencies\": {\n    \"directus\": \"11.17.4\"\n  }\n}\n");
        var provider = new NpmProvider(new NpmProviderOptions { ProjectDirectory = project }, new RecordingRunner());

        // When
        var act = () => provider.BumpAsync(DirectusVersion.Parse("12.4.0\", \"evil\": \"1.0.0"));

        // Then
        await act.Should().ThrowAsync<FormatException>();
        (await File.ReadAllTextAsync(Path.Combine(project, "package.json"))).Should().Contain("\"directus\": \"11.17.4\"");
    }
}
