using Cake.Core;
using DirectusSync.Cake.Hosting;
using DirectusSync.Cake.Tests.Support;

namespace DirectusSync.Cake.Tests.Hosting;

/// <summary>The UpgradeDirectus pipeline's command-line arguments, read into settings.</summary>
public sealed class UpgradeArgumentsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeCakeContext _cake;

    public UpgradeArgumentsTests() => _cake = new FakeCakeContext(_folder.Path);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_leave_everything_unset_When_no_argument_is_given()
    {
        // When
        var settings = UpgradeArguments.Read(_cake.Context);

        // Then
        settings.Url.Should().BeNull();
        settings.TargetVersion.Should().BeNull();
        settings.PushPending.Should().BeFalse();
        settings.AcceptLicenceLoss.Should().BeFalse();
        settings.Npm.Should().BeNull();
        settings.DockerCompose.Should().BeNull();
        settings.Commands.Should().BeNull();
    }

    [Fact]
    public void Should_read_values_and_flags_When_they_are_given()
    {
        // Given
        _cake.Arguments["directus-url"] = "http://127.0.0.1:8055";
        _cake.Arguments["directus-version"] = "12.4.0";
        _cake.Arguments["dump-path"] = "config";
        _cake.Arguments["backup-path"] = "backups";
        _cake.Arguments["upgrade-report"] = "report.md";
        _cake.Arguments["push-pending"] = string.Empty;
        _cake.Arguments["allow-schema-deletes"] = string.Empty;
        _cake.Arguments["accept-licence-loss"] = "true";
        _cake.Arguments["directus-licensed"] = "false";
        _cake.Arguments["directus-env-file"] = "/srv/directus/.env";
        _cake.Arguments["ready-timeout"] = "300";

        // When
        var settings = UpgradeArguments.Read(_cake.Context);

        // Then
        settings.Url.Should().Be("http://127.0.0.1:8055");
        settings.TargetVersion.Should().Be("12.4.0");
        settings.DumpPath!.FullPath.Should().Be("config");
        settings.BackupRoot!.FullPath.Should().Be("backups");
        settings.ReportPath!.FullPath.Should().Be("report.md");
        settings.PushPending.Should().BeTrue();
        settings.PushConsent.Should().Be(new DirectusSync.Core.Workflow.DeletionConsent { Schema = true });
        settings.AcceptLicenceLoss.Should().BeTrue();
        settings.Licensed.Should().BeFalse();
        settings.DirectusEnvFile!.FullPath.Should().Be("/srv/directus/.env");
        settings.ReadyTimeout.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Should_configure_the_npm_provider_When_npm_is_chosen()
    {
        // Given
        _cake.Arguments["upgrade-provider"] = "npm";
        _cake.Arguments["npm-project"] = "/srv/directus";

        // When
        var settings = UpgradeArguments.Read(_cake.Context);

        // Then
        settings.Npm!.ProjectDirectory.Should().Be("/srv/directus");
    }

    [Fact]
    public void Should_configure_docker_compose_When_it_is_chosen()
    {
        // Given
        _cake.Arguments["upgrade-provider"] = "docker-compose";
        _cake.Arguments["compose-file"] = "/srv/docker-compose.yml";
        _cake.Arguments["compose-service"] = "cms";

        // When
        var settings = UpgradeArguments.Read(_cake.Context);

        // Then
        settings.DockerCompose!.ComposeFile.Should().Be("/srv/docker-compose.yml");
        settings.DockerCompose.Service.Should().Be("cms");
    }

    [Fact]
    public void Should_take_every_command_When_the_commands_provider_is_chosen()
    {
        // Given
        _cake.Arguments["upgrade-provider"] = "commands";
        foreach (var step in new[] { "stop", "bump", "install", "migrate", "start", "revert" })
        {
            _cake.Arguments[$"{step}-command"] = $"./{step}.sh {{version}}";
        }

        // When
        var commands = UpgradeArguments.Read(_cake.Context).Commands!;

        // Then
        new[] { commands.Stop, commands.Bump, commands.Install, commands.Migrate, commands.Start, commands.Revert }
            .Should().Equal("./stop.sh {version}", "./bump.sh {version}", "./install.sh {version}", "./migrate.sh {version}", "./start.sh {version}", "./revert.sh {version}");
    }

    [Theory]
    [InlineData("upgrade-provider", "helm", "--upgrade-provider=helm: expected npm, docker-compose or commands.")]
    [InlineData("ready-timeout", "soon", "--ready-timeout=soon: expected a number of seconds.")]
    [InlineData("push-pending", "maybe", "--push-pending=maybe: expected true or false (or --push-pending alone).")]
    public void Should_name_the_argument_When_its_value_is_wrong(string name, string value, string message)
    {
        // Given
        _cake.Arguments[name] = value;

        // When
        var act = () => UpgradeArguments.Read(_cake.Context);

        // Then
        act.Should().Throw<CakeException>().WithMessage(message);
    }
}
