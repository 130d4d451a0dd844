using DirectusSync.Upgrade.Reporting;
using DirectusSync.Upgrade.Upgrade;

namespace DirectusSync.Upgrade.Tests.Upgrade;

/// <summary>Step titles as the report and the messages show them.</summary>
public sealed class UpgradeReportTests
{
    [Fact]
    public void Should_title_every_step_When_the_report_lists_them()
    {
        // When
        var titles = Enum.GetValues<UpgradeStep>().Select(UpgradeReport.Title);

        // Then
        titles.Should().Equal("Preflight", "Backup", "Version check", "Stop", "Bump", "Install", "Migrate", "Start", "Post-upgrade", "Rollback");
    }
}
