using DirectusSync.Core.Transport;
using DirectusSync.Upgrade.Licensing;
using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Upgrade.Upgrade.Steps;

namespace DirectusSync.Upgrade.Tests.Upgrade.Steps;

/// <summary>The version check with a fake server: newer, supported, licence gate, and the major upgrade's pull.</summary>
public sealed class VersionCheckStepTests : IDisposable
{
    private readonly StepFixture _f = new();

    public VersionCheckStepTests() => _f.AfterBackup();

    public void Dispose() => _f.Dispose();

    private Task<string> Run() => new VersionCheckStep(_f.Options, _f.Server).RunAsync(_f.Run, _f.RecordFor(UpgradeStep.VersionCheck), CancellationToken.None);

    [Fact]
    public async Task Should_refuse_When_the_target_is_not_newer_than_the_running_version()
    {
        // Given
        _f.Options = _f.Options with { TargetVersion = DirectusVersion.Parse("11.17.4") };

        // When
        var act = Run;

        // Then
        (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which.Message.Should().StartWith("Directus 11.17.4 is not newer than the running 11.17.4");
        _f.Server.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_refuse_When_the_target_is_outside_the_supported_versions()
    {
        // Given
        _f.Options = _f.Options with { TargetVersion = DirectusVersion.Parse("99.0.0") };

        // When
        var act = Run;

        // Then
        (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which.Message.Should().Contain("is outside the versions this DirectusSync");
    }

    [Fact]
    public async Task Should_pull_the_collections_without_the_snapshot_When_the_upgrade_is_major_and_licensed()
    {
        // When
        var summary = await Run();

        // Then
        summary.Should().Be("11.17.4 → 12.4.0 (major), licensed");
        _f.Server.Calls.Should().Equal("pull (no snapshot)");
        _f.Server.SyncOptions.Single().DumpPath.Should().Be(_f.DumpPath);
    }

    [Fact]
    public async Task Should_refuse_before_the_pull_When_the_target_without_a_licence_would_lose_configuration()
    {
        // Given
        _f.Options = _f.Options with { Licensed = false, Limits = new CoreLicenceLimits(25, 5, Seats: 1) };
        _f.Server.Seats = ["admin@example.com", "editor@example.com"];

        // When
        var act = Run;

        // Then
        (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which.Message.Should().Contain("without a licence would lose configuration").And.Contain("--accept-licence-loss");
        _f.Run.Licence!.IsWithinLimits.Should().BeFalse();
        _f.Server.Calls.Should().Equal("seats");
    }

    [Fact]
    public async Task Should_go_on_and_say_so_When_the_licence_loss_is_accepted()
    {
        // Given
        _f.Options = _f.Options with { Licensed = false, AcceptLicenceLoss = true, Limits = new CoreLicenceLimits(25, 5, Seats: 1) };
        _f.Server.Seats = ["admin@example.com", "editor@example.com"];

        // When
        var summary = await Run();

        // Then
        summary.Should().Be("11.17.4 → 12.4.0 (major); licence loss accepted");
        _f.Record.Details.Should().Contain("The loss is accepted (--accept-licence-loss): the upgrade goes on");
    }

    [Fact]
    public async Task Should_pass_the_licence_gate_When_the_configuration_is_within_the_core_limits()
    {
        // Given
        _f.Options = _f.Options with { Licensed = false };

        // When
        var summary = await Run();

        // Then
        summary.Should().Be("11.17.4 → 12.4.0 (major), within the Core licence limits");
    }
}
