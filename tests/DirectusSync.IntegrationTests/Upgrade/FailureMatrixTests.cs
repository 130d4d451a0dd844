using System.Globalization;
using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Xunit.Abstractions;

namespace DirectusSync.IntegrationTests.Upgrade;

/// <summary>
/// The upgrade from 11.17.4 to 12.4.0 made to fail at every point after Directus was stopped, on SQLite and on
/// PostgreSQL 15: each run must end with 11.17.4 answering, every table of the database holding the rows it
/// held before, the configuration pulled back identical, and a report that says what failed and what the
/// rollback did. The installation is the sandbox's (one folder per version, started by build/sandbox/directus.sh)
/// behind the user-commands provider; each fault is a command that fails, hangs or lies.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class FailureMatrixTests(ITestOutputHelper output)
{
    private const string From = "11.17.4";
    private const string To = "12.4.0";
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "build", "sandbox", "directus.sh");

    /// <summary>Every fault on every database.</summary>
    public static TheoryData<string, UpgradeFault> Cases()
    {
        var cases = new TheoryData<string, UpgradeFault>();
        foreach (var database in new[] { "sqlite", "pg" })
        {
            foreach (var fault in Enum.GetValues<UpgradeFault>())
            {
                cases.Add(database, fault);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_leave_the_old_version_with_every_row_and_the_configuration_it_had_When_the_upgrade_fails_after_the_stop(string database, UpgradeFault fault)
    {
        // Given: Directus 11.17.4 with a configuration and content, its repository dump, its database counted
        var name = $"matrix-{database}-{fault.ToString().ToLowerInvariant()}-{SampleConfiguration.NewSuffix()}";
        await using var instance = await DirectusInstance.StartAsync(name, From, database);
        var connection = new DirectusConnection(instance.Url, DirectusCredentials.FromToken(DirectusInstance.AdminToken));
        using var scenario = new UpgradeScenario(connection, output);
        await scenario.PrepareAsync(customPermissionRules: false);
        var location = DirectusEnvFile.Read(Path.Combine(instance.InstanceDirectory, ".env")).Database();
        var configuration = await scenario.PullAsync("before");
        var content = await scenario.ContentAsync();
        var rows = await LiveDatabase.RowCountsAsync(location);
        var upgrade = scenario.Upgrade(To, Provider(name, database, instance.Url, scenario, fault), location);

        // When
        var (result, report) = fault switch
        {
            UpgradeFault.CancelledAfterStop => await CancelDuringInstallAsync(upgrade),
            UpgradeFault.KilledAfterMigrate => await KillAfterMigrateAndRollBackAsync(upgrade, scenario, name, database, instance.Url, location),
            _ => await FailAsync(upgrade),
        };

        // Then: the old version answers with the same rows and the same configuration and content
        (await scenario.VersionAsync()).Should().Be(From);
        TableRowCounts.Differences(rows, await LiveDatabase.RowCountsAsync(location)).Should().BeEmpty();
        (await scenario.PullAsync("after")).Should().Equal(configuration);
        (await scenario.ContentAsync()).Should().Be(content);

        // Then: the report names where it went wrong, and the rollback's actions as they ran
        report.Should().Contain($"| Result | {result} |");
        report.Should().Contain("✔ stop Directus");
        if (DatabaseTouched(fault))
        {
            report.Should().MatchRegex("✔ restore the database: .* by rename", "the migrated database is replaced by the copy, never overwritten in place");
        }
        else
        {
            report.Should().Contain("restore the database not needed: no migration ran");
        }

        report.Should().Contain($"✔ start the old version: Directus {From} answers");
        report.Should().Contain("✔ push the backup's configuration");
        report.Should().NotContain("INCOMPLETE");
    }

    private static bool DatabaseTouched(UpgradeFault fault) => fault is not (UpgradeFault.InstallFails or UpgradeFault.CancelledAfterStop);

    private static async Task<(string Result, string Report)> FailAsync(DirectusUpgrade upgrade)
    {
        var failure = (await upgrade.Invoking(u => u.RunAsync()).Should().ThrowAsync<UpgradeFailedException>()).Which;
        failure.RolledBack.Should().BeTrue(failure.Message);
        upgrade.Steps.Select(s => s.Step).Should().EndWith([failure.Step, UpgradeStep.Rollback]);
        return ($"❌ failed at {DirectusSync.Upgrade.Reporting.UpgradeReport.Title(failure.Step)}; rolled back to {From}", File.ReadAllText(upgrade.Options.ReportPath));
    }

    private static async Task<(string Result, string Report)> CancelDuringInstallAsync(DirectusUpgrade upgrade)
    {
        var run = upgrade.RunAsync();
        // Ctrl+C lands while the (hanging) install runs: Directus is down, so the rollback must run.
        while (!upgrade.Steps.Any(s => s.Step == UpgradeStep.Install) && !run.IsCompleted)
        {
            await Task.Delay(100);
        }

        upgrade.Cancel();
        var failure = (await run.Invoking(r => r).Should().ThrowAsync<UpgradeFailedException>()).Which;
        failure.Step.Should().Be(UpgradeStep.Install);
        failure.RolledBack.Should().BeTrue(failure.Message);
        failure.Message.Should().Contain("failed at Install: cancelled (Ctrl+C, SIGTERM or a cancelled CI job) after Directus was stopped");
        return ($"❌ failed at Install; rolled back to {From}", File.ReadAllText(upgrade.Options.ReportPath));
    }

    private async Task<(string Result, string Report)> KillAfterMigrateAndRollBackAsync(
        DirectusUpgrade upgrade, UpgradeScenario scenario, string name, string database, Uri url, DatabaseLocation location)
    {
        foreach (var step in DirectusUpgrade.Order.TakeWhile(s => s <= UpgradeStep.Migrate))
        {
            await upgrade.RunAsync(step);
        }

        // The process dies here: no rollback, no report of it; only backup.json and upgrade-state.json remain.
        var backup = upgrade.Backup!.Directory;
        var state = UpgradeState.Read(backup)!;
        state.LastStep.Should().Be(UpgradeStep.Migrate);
        state.DatabaseTouched.Should().BeTrue();

        // What RollbackDirectus does: a new upgrade with the same settings, rolled back from the backup folder.
        var rollback = scenario.Upgrade(To, Provider(name, database, url, scenario, UpgradeFault.KilledAfterMigrate), location);
        var summary = await rollback.RollbackFromBackupAsync(backup);
        output.WriteLine(summary);
        summary.Should().StartWith("Rolled back:");
        UpgradeState.Read(backup)!.RolledBack.Should().BeTrue();
        var report = File.ReadAllText(rollback.Options.ReportPath);
        report.Should().Contain("| Interrupted run | last step Migrate (✅ succeeded)");
        return ($"❌ interrupted after Migrate; rolled back to {From}", report);
    }

    /// <summary>The sandbox's commands, with <paramref name="fault"/> built into the one that goes wrong.</summary>
    private static CommandsProvider Provider(string name, string database, Uri url, UpgradeScenario scenario, UpgradeFault fault)
    {
        var port = url.Port.ToString(CultureInfo.InvariantCulture);
        var install = $"bash '{Script}' install {{version}}";
        var migrate = $"bash '{Script}' migrate {name} {{version}}";
        var start = $"DIRECTUS_VERSION={{version}} DX_PORT={port} DX_FRESH=0 DX_DB={database} bash '{Script}' up {name}";
        var isTarget = $"[ {{version}} = {To} ]";
        return new CommandsProvider(new CommandsProviderOptions
        {
            Stop = $"bash '{Script}' down {name}",
            Install = fault switch
            {
                UpgradeFault.InstallFails => $"if {isTarget}; then echo 'npm ERR! network' >&2; exit 1; fi; {install}",
                UpgradeFault.CancelledAfterStop => $"if {isTarget}; then exec sleep 600; fi; {install}",
                _ => install,
            },
            Migrate = fault == UpgradeFault.MigrateFails
                ? $"{migrate} && if {isTarget}; then echo 'migration failed after its last statement' >&2; exit 1; fi"
                : migrate,
            Start = fault switch
            {
                UpgradeFault.StartFails => $"if {isTarget}; then echo 'Directus {To} crashed on start' >&2; exit 1; fi; {start}",
                // 12 "loses" a field of the sample: the post-upgrade check compares with the backup and must fail.
                UpgradeFault.PostUpgradeCheckFails => $"{start} && if {isTarget}; then curl -fsS -X DELETE -H 'Authorization: Bearer {DirectusInstance.AdminToken}' {url.AbsoluteUri.TrimEnd('/')}/fields/{scenario.Sample!.Articles}/status; fi",
                _ => start,
            },
        }, new ProcessCommandRunner());
    }
}
