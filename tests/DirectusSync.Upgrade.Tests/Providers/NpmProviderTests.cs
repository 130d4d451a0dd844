using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Tests.Providers;

/// <summary>
/// The npm provider's file handling and command lines with a recording runner (the real npm install,
/// migrate and start run in the integration tests of the upgrade).
/// </summary>
public sealed class NpmProviderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public NpmProviderTests()
    {
        _folder.Write("cms/package.json", "{\n  \"dependencies\": {\n    \"directus\": \"11.17.4\"\n  }\n}\n");
        _folder.Write("cms/package-lock.json", "{ \"lock\": 11 }");
        _folder.Write("cms/node_modules/directus/package.json", "{ \"version\": \"11.17.4\" }");
    }

    public void Dispose() => _folder.Dispose();

    private NpmProvider Provider(ICommandRunner runner) =>
        new(new NpmProviderOptions { ProjectDirectory = _folder.Combine("cms"), InstallArguments = ["install", "--prefer-offline"] }, runner);

    [Fact]
    public async Task Should_report_the_installed_version_When_node_modules_holds_directus()
    {
        // When
        var version = await Provider(new RecordingRunner()).InstalledVersionAsync();

        // Then
        version.Should().Be("11.17.4");
    }

    [Fact]
    public async Task Should_pin_the_target_in_package_json_When_bumping()
    {
        // When
        await Provider(new RecordingRunner()).BumpAsync(DirectusVersion.Parse("12.4.0"));

        // Then
        File.ReadAllText(_folder.Combine("cms", "package.json")).Should().Contain("\"directus\": \"12.4.0\"");
    }

    [Fact]
    public async Task Should_fail_the_install_When_npm_leaves_another_version_in_node_modules()
    {
        // Given
        var runner = new RecordingRunner();
        var provider = Provider(runner);
        await provider.BumpAsync(DirectusVersion.Parse("12.4.0"));

        // When
        var act = () => provider.InstallAsync();

        // Then
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("npm install finished but node_modules/directus is 11.17.4, not 12.4.0.");
        runner.Texts.Should().Equal("npm install --prefer-offline");
        runner.Commands[0].WorkingDirectory.Should().Be(_folder.Combine("cms"));
    }

    [Fact]
    public async Task Should_restore_package_json_and_lock_and_install_When_reverting()
    {
        // Given
        var runner = new RecordingRunner();
        var provider = Provider(runner);
        var saved = _folder.Combine("backup", "provider");
        await provider.SaveAsync(saved, DirectusVersion.Parse("11.17.4"));
        await provider.BumpAsync(DirectusVersion.Parse("12.99.0"));
        File.WriteAllText(_folder.Combine("cms", "package-lock.json"), "{ \"lock\": 12 }");

        // When
        await provider.RevertAsync(saved, DirectusVersion.Parse("11.17.4"));

        // Then
        File.ReadAllText(_folder.Combine("cms", "package.json")).Should().Contain("\"directus\": \"11.17.4\"");
        File.ReadAllText(_folder.Combine("cms", "package-lock.json")).Should().Be("{ \"lock\": 11 }");
        runner.Texts.Should().Equal("npm install --prefer-offline");
    }

    [Fact]
    public async Task Should_do_nothing_When_stopping_a_server_it_did_not_start()
    {
        // Given
        var runner = new RecordingRunner();

        // When
        await Provider(runner).StopAsync();

        // Then
        runner.Commands.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_run_the_migrations_of_the_installed_api_When_migrating()
    {
        // Given
        var runner = new RecordingRunner();
        _folder.Write("cms/node_modules/@directus/api/dist/cli/run.js", "// the CLI");

        // When
        await Provider(runner).MigrateAsync();

        // Then
        runner.Texts.Should().Equal($"node {_folder.Combine("cms", "node_modules", "@directus", "api", "dist", "cli", "run.js")} database migrate:latest");
    }
}
