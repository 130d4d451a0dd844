using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Tests.Providers;

/// <summary>
/// The docker compose provider against a recording stand-in for the docker command (a bash script that
/// writes its arguments to a file): no Docker engine runs on the machines this is built on, so this is
/// all that is proven here — the command lines and the compose file edits, not a real container.
/// </summary>
public sealed class DockerComposeProviderTests : IDisposable
{
    private const string Compose = """
        services:
          database:
            image: postgres:15
          directus:
            image: "directus/directus:11.17.4"
            ports:
              - 8055:8055
        """;

    private readonly TempFolder _folder = new();
    private readonly string _composeFile;
    private readonly string _calls;
    private readonly DockerComposeProvider _provider;

    public DockerComposeProviderTests()
    {
        _composeFile = _folder.Write("deploy/docker-compose.yml", Compose);
        _calls = _folder.Combine("docker-calls.txt");
        var docker = _folder.Write("docker", $$"""
            #!/usr/bin/env bash
            echo "$*" >> '{{_calls}}'
            [ "$*" != "${FAIL_ON:-}" ]
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(docker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        _provider = new DockerComposeProvider(new DockerComposeProviderOptions { ComposeFile = _composeFile, DockerCommand = docker }, new ProcessCommandRunner());
    }

    public void Dispose() => _folder.Dispose();

    private string[] Calls() => File.Exists(_calls) ? File.ReadAllLines(_calls) : [];

    [Fact]
    public async Task Should_run_compose_down_pull_migrate_and_up_When_upgrading()
    {
        // When
        await _provider.StopAsync();
        await _provider.BumpAsync(DirectusVersion.Parse("12.4.0"));
        await _provider.InstallAsync();
        await _provider.MigrateAsync();
        await _provider.StartAsync();

        // Then
        var file = $"-f {_composeFile}";
        Calls().Should().Equal(
            $"compose {file} down",
            $"compose {file} pull directus",
            $"compose {file} run --rm --no-deps directus node cli.js database migrate:latest",
            $"compose {file} up -d");
        (await _provider.InstalledVersionAsync()).Should().Be("12.4.0");
    }

    [Fact]
    public async Task Should_change_only_the_directus_tag_When_bumping()
    {
        // When
        await _provider.BumpAsync(DirectusVersion.Parse("12.4.0"));

        // Then
        File.ReadAllText(_composeFile).Should().Be(Compose.Replace("directus/directus:11.17.4", "directus/directus:12.4.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_put_the_compose_file_back_and_pull_the_old_image_When_reverting()
    {
        // Given
        var saved = _folder.Combine("backup", "provider");
        await _provider.SaveAsync(saved, DirectusVersion.Parse("11.17.4"));
        await _provider.BumpAsync(DirectusVersion.Parse("12.4.0"));

        // When
        await _provider.RevertAsync(saved, DirectusVersion.Parse("11.17.4"));

        // Then
        File.ReadAllText(_composeFile).Should().Be(Compose);
        Calls().Should().Equal($"compose -f {_composeFile} pull directus");
    }

    [Fact]
    public async Task Should_fail_with_the_command_line_When_docker_fails()
    {
        // Given
        Environment.SetEnvironmentVariable("FAIL_ON", $"compose -f {_composeFile} pull directus");
        try
        {
            // When
            var act = () => _provider.InstallAsync();

            // Then
            (await act.Should().ThrowAsync<CommandFailedException>()).Which.Result.ExitCode.Should().Be(1);
        }
        finally
        {
            Environment.SetEnvironmentVariable("FAIL_ON", null);
        }
    }
}
