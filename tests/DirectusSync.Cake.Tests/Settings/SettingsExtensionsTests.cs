using Cake.Core.IO;
using DirectusSync.Cake.Settings;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Upgrade;

namespace DirectusSync.Cake.Tests.Settings;

/// <summary>The fluent With… setters in Cake.Npm's style: they set one thing and return the same settings.</summary>
public sealed class SettingsExtensionsTests
{
    [Fact]
    public void Should_set_the_connection_and_return_the_same_instance_When_chained()
    {
        // Given
        var settings = new DirectusSyncPullSettings();

        // When
        var result = settings.WithUrl("http://127.0.0.1:8055").WithLogin("admin@example.com", "secret").WithRequestTimeout(TimeSpan.FromSeconds(5));

        // Then
        result.Should().BeSameAs(settings);
        settings.Url.Should().Be("http://127.0.0.1:8055");
        settings.Email.Should().Be("admin@example.com");
        settings.Password.Should().Be("secret");
        settings.RequestTimeout.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Should_change_the_sync_options_When_collections_snapshot_force_and_mode_are_set()
    {
        // Given
        var settings = new DirectusSyncPushSettings();

        // When
        settings.WithDumpPath("config").WithOnlyCollections("roles", "permissions").WithExcludedCollections("presets")
            .WithoutSnapshot().WithForce().WithMode(PushMode.Merge);

        // Then
        settings.DumpPath!.FullPath.Should().Be("config");
        settings.Options.OnlyCollections.Should().Equal("roles", "permissions");
        settings.Options.ExcludeCollections.Should().Equal("presets");
        settings.Options.Snapshot.Should().BeFalse();
        settings.Options.Force.Should().BeTrue();
        settings.Options.Mode.Should().Be(PushMode.Merge);
    }

    [Fact]
    public void Should_refuse_an_empty_url_When_one_is_set()
    {
        // When
        var act = () => new DirectusSyncPullSettings().WithUrl(" ");

        // Then
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Should_refuse_a_timeout_of_zero_When_waiting()
    {
        // When
        var act = () => new DirectusSyncWaitReadySettings().WithTimeout(TimeSpan.Zero);

        // Then
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Should_upgrade_and_back_up_as_the_core_does_When_nothing_is_set()
    {
        // Given the upgrade engine's and the sync's own defaults
        var engine = new UpgradeOptions
        {
            Connection = new DirectusConnection(new Uri("http://127.0.0.1:1"), DirectusCredentials.FromToken("token")),
            DumpPath = "dump",
            TargetVersion = DirectusVersion.Parse("12.4.0"),
        };

        // When
        var upgrade = new DirectusUpgradeSettings();
        var backup = new DirectusSyncBackupSettings();

        // Then a Cake script that sets nothing behaves as the core: no front end has defaults of its own
        upgrade.ReadyTimeout.Should().Be(engine.ReadyTimeout);
        upgrade.PushPending.Should().Be(engine.PushPending);
        upgrade.AcceptLicenceLoss.Should().Be(engine.AcceptLicenceLoss);
        backup.Options.DumpPath.Should().Be(new SyncOptions().DumpPath);
    }

    [Fact]
    public void Should_point_the_npm_provider_at_the_project_When_UsingNpm_is_called()
    {
        // When
        var settings = new DirectusUpgradeSettings().UsingNpm(new DirectoryPath("/srv/directus"), o => o with { NpmCommand = "/opt/npm" });

        // Then
        settings.Npm!.ProjectDirectory.Should().Be("/srv/directus");
        settings.Npm.NpmCommand.Should().Be("/opt/npm");
    }

    [Fact]
    public void Should_hide_values_by_default_and_show_them_When_asked()
    {
        // Given
        var settings = new DirectusSyncDiffSettings();
        var hiddenByDefault = settings.ShowValues;

        // When
        var result = settings.ShowingValues();

        // Then
        hiddenByDefault.Should().BeFalse();
        result.Should().BeSameAs(settings);
        settings.ShowValues.Should().BeTrue();
    }
}
