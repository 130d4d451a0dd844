using Cake.Core;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Cake.Settings;
using DirectusSync.Cake.Tests.Support;

namespace DirectusSync.Cake.Tests.Aliases;

/// <summary>DirectusSyncUpgrade checks its settings before anything is contacted.</summary>
public sealed class DirectusSyncUpgradeAliasTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeCakeContext _cake;

    public DirectusSyncUpgradeAliasTests()
    {
        _cake = new FakeCakeContext(_folder.Path);
        _folder.Write("directus/package.json", "{ \"dependencies\": { \"directus\": \"11.17.4\" } }");
    }

    public void Dispose() => _folder.Dispose();

    private DirectusUpgradeSettings Valid() =>
        new DirectusUpgradeSettings { Url = "http://127.0.0.1:1", Token = "token" }.ToVersion("12.4.0").UsingNpm("directus");

    [Fact]
    public void Should_throw_ArgumentNullException_When_the_settings_are_null()
    {
        // When
        var act = () => _cake.Context.DirectusSyncUpgrade((DirectusUpgradeSettings)null!);

        // Then
        act.Should().Throw<ArgumentNullException>().WithParameterName("settings");
    }

    [Fact]
    public void Should_ask_for_the_target_version_When_none_is_set()
    {
        // Given
        var settings = Valid();
        settings.TargetVersion = null;

        // When
        var act = () => _cake.Context.DirectusSyncUpgrade(settings);

        // Then
        act.Should().Throw<CakeException>().WithMessage("DirectusSyncUpgrade: no target version*--directus-version*");
    }

    [Fact]
    public void Should_refuse_it_When_the_target_is_not_a_version()
    {
        // When
        var act = () => _cake.Context.DirectusSyncUpgrade(Valid().ToVersion("latest"));

        // Then
        act.Should().Throw<CakeException>().WithMessage("DirectusSyncUpgrade: the target version (--directus-version, TargetVersion): 'latest' is not a semantic version*");
    }

    [Fact]
    public void Should_ask_for_a_provider_When_none_is_chosen()
    {
        // Given
        var settings = Valid();
        settings.Npm = null;

        // When
        var act = () => _cake.Context.DirectusSyncUpgrade(settings);

        // Then
        act.Should().Throw<CakeException>().WithMessage("DirectusSyncUpgrade: no provider*UsingNpm*UsingDockerCompose*UsingCommands*");
    }

    [Fact]
    public void Should_refuse_two_providers_When_both_are_set()
    {
        // When
        var act = () => _cake.Context.DirectusSyncUpgrade(Valid().UsingCommands(new CommandsProviderOptions { Stop = "true", Start = "true" }));

        // Then
        act.Should().Throw<CakeException>().WithMessage("DirectusSyncUpgrade: more than one provider*");
    }

    [Fact]
    public void Should_refuse_an_npm_project_When_it_has_no_package_json()
    {
        // When
        var act = () => _cake.Context.DirectusSyncUpgrade(Valid().UsingNpm("elsewhere"));

        // Then
        act.Should().Throw<CakeException>().WithMessage($"DirectusSyncUpgrade: the npm project {_folder.Combine("elsewhere")} has no package.json.");
    }

    [Fact]
    public void Should_ask_for_stop_and_start_When_the_commands_provider_lacks_them()
    {
        // Given
        var settings = Valid();
        settings.Npm = null;
        settings.UsingCommands(new CommandsProviderOptions { Install = "npm install" });

        // When
        var act = () => _cake.Context.DirectusSyncUpgrade(settings);

        // Then
        act.Should().Throw<CakeException>().WithMessage("*needs at least a stop and a start command*");
    }

    [Fact]
    public void Should_resolve_paths_against_the_working_directory_When_they_are_relative()
    {
        // When
        var upgrade = _cake.Context.DirectusSyncUpgrade(Valid().WithDumpPath("config").WithBackupRoot("backups").WithReport("out/report.md"));

        // Then
        upgrade.Options.DumpPath.Should().Be(_folder.Combine("config"));
        upgrade.Options.BackupRoot.Should().Be(_folder.Combine("backups"));
        upgrade.Options.ReportPath.Should().Be(_folder.Combine("out", "report.md"));
        upgrade.Options.TargetVersion.ToString().Should().Be("12.4.0");
        upgrade.ProviderDescription.Should().Be($"npm project {_folder.Combine("directus")}");
    }

    [Fact]
    public void Should_take_the_database_and_the_licence_from_the_env_file_When_one_is_given()
    {
        // Given
        _folder.Write("directus/.env", "DB_CLIENT=sqlite3\nDB_FILENAME=./data/data.db\nLICENSE_KEY=\"abc\"\n");

        // When
        var upgrade = _cake.Context.DirectusSyncUpgrade(Valid().WithDirectusEnvFile("directus/.env"));

        // Then
        upgrade.Options.Database.Should().Be(new SqliteDatabaseLocation(_folder.Combine("directus", "data", "data.db")));
        upgrade.Options.Licensed.Should().BeTrue();
    }

    [Fact]
    public void Should_carry_the_gates_flags_When_they_are_set()
    {
        // When
        var upgrade = _cake.Context.DirectusSyncUpgrade(Valid().PushingPendingChanges().AcceptingLicenceLoss());

        // Then
        upgrade.Options.PushPending.Should().BeTrue();
        upgrade.Options.AcceptLicenceLoss.Should().BeTrue();
        upgrade.Options.Licensed.Should().BeFalse();
    }
}
