using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Xunit.Abstractions;

namespace DirectusSync.IntegrationTests.Upgrade;

/// <summary>
/// The README's upgrade, killed for real: <c>./build.sh --target=UpgradeDirectus</c> on the embedded default
/// (its own sandbox instance and work folder), the whole process group killed with SIGKILL once the upgrade's
/// state says the database was migrated, then <c>./build.sh --target=RollbackDirectus --backup=…</c>, which
/// has only backup.json and upgrade-state.json to go by.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class KilledUpgradeTests(ITestOutputHelper output)
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "build", "sandbox", "directus.sh");

    // The configuration this test assembly was built in: the pipeline publishes the addin from it without building.
    private static readonly string Configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    [Fact]
    public async Task Should_bring_back_11_with_the_backups_rows_and_configuration_When_the_upgrade_is_killed_after_the_migration_and_RollbackDirectus_runs()
    {
        // Given: the main job running on its own sandbox instance and work folder
        var instance = $"killed-{SampleConfiguration.NewSuffix()}";
        using var work = new TempFolder();
        string[] common = [$"--sandbox-instance={instance}", $"--upgrade-work={work.Path}", $"--configuration={Configuration}", "--exclusive"];
        var environment = new Dictionary<string, string> { ["NO_COLOR"] = "1" };
        try
        {
            var pid = 0;
            // setsid: the run gets its own process group, so the kill takes Cake, its child Cake and their commands at once.
            var upgrade = ChildProcess.RunAsync("setsid", ["bash", "build.sh", "--target=UpgradeDirectus", .. common], RepositoryRoot.Path, environment,
                TimeSpan.FromMinutes(20), started: id => pid = id);

            // When: killed outright once the migration is done
            var stateFile = await WaitForMigratedAsync(work.Path, upgrade);
            await ChildProcess.RunAsync("kill", ["-KILL", "--", $"-{pid}"], RepositoryRoot.Path, environment);
            var killed = await upgrade;
            output.WriteLine(killed.Output);
            killed.ExitCode.Should().NotBe(0, "the run was killed");
            var backup = BackupManifest.Read(Path.GetDirectoryName(stateFile)!);
            UpgradeState.Read(backup.Directory)!.RolledBack.Should().BeNull("nobody rolled back yet");

            var rollback = await ChildProcess.RunAsync("bash", ["build.sh", "--target=RollbackDirectus", $"--backup={backup.Directory}", .. common],
                RepositoryRoot.Path, environment, TimeSpan.FromMinutes(15));
            output.WriteLine(rollback.Output);

            // Then: 11.17.4 answers with the database and configuration of the backup
            rollback.ExitCode.Should().Be(0, rollback.ToString());
            var values = ReadEnv(Path.Combine(RepositoryRoot.Path, ".directus", "instances", instance, "instance.env"));
            using var client = new DirectusClient(new DirectusClientOptions
            {
                BaseUrl = new Uri(values["DIRECTUS_URL"]),
                Credentials = DirectusCredentials.FromToken(DirectusInstance.AdminToken),
            });
            (await new DirectusServer(client).GetInfoAsync()).Version.ToString().Should().Be("11.17.4");
            var location = DirectusEnvFile.Read(Path.Combine(RepositoryRoot.Path, ".directus", "instances", instance, ".env")).Database();
            TableRowCounts.Differences(backup.DatabaseRowCounts!, await LiveDatabase.RowCountsAsync(location)).Should().BeEmpty();
            var pulled = work.Combine("after");
            await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = pulled });
            DumpComparer.Read(pulled).Should().Equal(DumpComparer.Read(DirectusBackups.DumpOf(backup)));

            // Then: the rollback's report says what happened to the killed run
            var report = await File.ReadAllTextAsync(Path.Combine(backup.Directory, "rollback-report.md"));
            output.WriteLine(report);
            report.Should().MatchRegex(@"\| Result \| ❌ interrupted (after Migrate|during Start); rolled back to 11\.17\.4 \|");
            report.Should().Contain("| Interrupted run | last step ");
            UpgradeState.Read(backup.Directory)!.RolledBack.Should().BeTrue();
        }
        finally
        {
            await ChildProcess.RunAsync("bash", [Script, "destroy", instance], RepositoryRoot.Path, environment);
        }
    }

    /// <summary>Waits until upgrade-state.json says the migration succeeded (or the start began); returns its path.</summary>
    private static async Task<string> WaitForMigratedAsync(string work, Task<ProcessResult> run)
    {
        while (!run.IsCompleted)
        {
            foreach (var file in Directory.Exists(work) ? Directory.EnumerateFiles(work, UpgradeState.FileName, SearchOption.AllDirectories) : [])
            {
                UpgradeState? state;
                try
                {
                    state = UpgradeState.Read(Path.GetDirectoryName(file)!);
                }
                catch (Exception e) when (e is IOException or Newtonsoft.Json.JsonException)
                {
                    continue; // being rewritten
                }

                if (state is { LastStep: UpgradeStep.Migrate, LastOutcome: StepOutcome.Succeeded } or { LastStep: UpgradeStep.Start })
                {
                    return file;
                }
            }

            await Task.Delay(50);
        }

        var result = await run;
        throw new InvalidOperationException($"The upgrade ended before its migration was done:\n{result}");
    }

    private static Dictionary<string, string> ReadEnv(string path) => File.ReadAllLines(path)
        .Select(line => line.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
}
