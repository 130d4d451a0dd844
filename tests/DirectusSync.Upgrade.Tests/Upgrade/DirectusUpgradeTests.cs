using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Core.Transport;
using NSubstitute;

namespace DirectusSync.Upgrade.Tests.Upgrade;

/// <summary>
/// The step order and what a failure before the stop does, without a server (127.0.0.1:1 answers
/// nothing). The steps against real Directus instances are proven in the integration tests.
/// </summary>
public sealed class DirectusUpgradeTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly IDirectusProvider _provider = Substitute.For<IDirectusProvider>();

    public void Dispose() => _folder.Dispose();

    private DirectusUpgrade Upgrade() => new(new UpgradeOptions
    {
        Connection = new DirectusConnection(new Uri("http://127.0.0.1:1"), DirectusCredentials.FromToken("token")),
        DumpPath = _folder.Combine("dump"),
        TargetVersion = DirectusVersion.Parse("12.4.0"),
        BackupRoot = _folder.Path,
        ReportPath = _folder.Combine("report.md"),
    }, _provider, new RecordingRunner());

    // The report reads the provider's description; anything else would be an action.
    private static IEnumerable<string> ActionsAskedOf(IDirectusProvider provider) =>
        provider.ReceivedCalls().Select(c => c.GetMethodInfo().Name).Where(n => n != "get_Description");

    [Fact]
    public async Task Should_refuse_a_step_When_the_one_before_did_not_succeed()
    {
        // Given
        var upgrade = Upgrade();

        // When
        var act = () => upgrade.RunAsync(UpgradeStep.Stop);

        // Then
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Stop needs Version check to succeed first.");
        ActionsAskedOf(_provider).Should().BeEmpty();
    }

    [Fact]
    public async Task Should_fail_without_touching_anything_and_write_the_report_When_the_server_does_not_answer()
    {
        // Given
        var upgrade = Upgrade();

        // When
        var act = () => upgrade.RunAsync();

        // Then
        var failure = (await act.Should().ThrowAsync<UpgradeFailedException>()).Which;
        failure.Step.Should().Be(UpgradeStep.Preflight);
        failure.RolledBack.Should().BeFalse();
        failure.Message.Should().Contain("does not answer /server/ping").And.Contain("Nothing was stopped");
        ActionsAskedOf(_provider).Should().BeEmpty();
        var report = await File.ReadAllTextAsync(_folder.Combine("report.md"));
        report.Should().Contain("| Result | ❌ failed at Preflight: nothing was stopped |")
            .And.Contain("| 1 | Preflight | ❌ failed |")
            .And.Contain("| – | Backup | not run | | |");
    }

    [Fact]
    public async Task Should_refuse_to_run_the_rollback_When_asked_directly()
    {
        // When
        var act = () => Upgrade().RunAsync(UpgradeStep.Rollback);

        // Then
        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }
}
