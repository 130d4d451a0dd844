using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Tests.Providers;

/// <summary>The user's own commands, with {version} and {previous} filled in.</summary>
public sealed class CommandsProviderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Script(RecordingRunner runner, int index) => runner.Commands[index].Arguments[^1];

    [Fact]
    public async Task Should_fill_in_the_versions_When_running_the_steps()
    {
        // Given
        var runner = new RecordingRunner();
        var provider = new CommandsProvider(new CommandsProviderOptions
        {
            Stop = "systemctl stop directus",
            Bump = "./bump.sh {previous} {version}",
            Install = "npm install",
            Migrate = "npx directus database migrate:latest",
            Start = "DIRECTUS_VERSION={version} ./start.sh",
            WorkingDirectory = _folder.Path,
        }, runner);
        await provider.SaveAsync(_folder.Combine("saved"), DirectusVersion.Parse("11.17.4"));

        // When
        await provider.StopAsync();
        await provider.BumpAsync(DirectusVersion.Parse("12.4.0"));
        await provider.InstallAsync();
        await provider.MigrateAsync();
        await provider.StartAsync();

        // Then
        Enumerable.Range(0, 5).Select(i => Script(runner, i)).Should().Equal(
            "systemctl stop directus", "./bump.sh 11.17.4 12.4.0", "npm install", "npx directus database migrate:latest", "DIRECTUS_VERSION=12.4.0 ./start.sh");
        runner.Commands.Should().OnlyContain(c => c.WorkingDirectory == _folder.Path);
    }

    [Fact]
    public async Task Should_bump_and_install_the_old_version_When_reverting_without_a_revert_command()
    {
        // Given
        var runner = new RecordingRunner();
        var provider = new CommandsProvider(new CommandsProviderOptions { Stop = "stop", Bump = "bump {version}", Install = "install {version}", Start = "start {version}" }, runner);
        await provider.SaveAsync(_folder.Combine("saved"), DirectusVersion.Parse("11.17.4"));
        await provider.BumpAsync(DirectusVersion.Parse("12.99.0"));

        // When
        await provider.RevertAsync(_folder.Combine("saved"), DirectusVersion.Parse("11.17.4"));
        await provider.StartAsync();

        // Then
        runner.Commands.Skip(1).Select(c => c.Arguments[^1]).Should().Equal("bump 11.17.4", "install 11.17.4", "start 11.17.4");
    }

    [Fact]
    public async Task Should_skip_a_step_When_it_has_no_command()
    {
        // Given
        var runner = new RecordingRunner();
        var provider = new CommandsProvider(new CommandsProviderOptions { Stop = "stop", Start = "start" }, runner);

        // When
        await provider.MigrateAsync();

        // Then
        runner.Commands.Should().BeEmpty();
        (await provider.InstalledVersionAsync()).Should().BeNull();
    }

    [Fact]
    public async Task Should_read_the_last_line_When_the_installed_version_command_prints_it()
    {
        // Given
        var runner = new RecordingRunner(_ => new DirectusSync.Upgrade.Processes.CommandResult(0, "checking…\n11.17.4\n"));
        var provider = new CommandsProvider(new CommandsProviderOptions { Stop = "stop", Start = "start", InstalledVersion = "cat version" }, runner);

        // When
        var version = await provider.InstalledVersionAsync();

        // Then
        version.Should().Be("11.17.4");
    }
}
