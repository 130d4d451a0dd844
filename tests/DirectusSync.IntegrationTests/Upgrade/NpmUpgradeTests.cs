using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Core.Storage;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace DirectusSync.IntegrationTests.Upgrade;

/// <summary>
/// The whole upgrade on a real Directus deployed as an npm project: 11.17.4 → 12.4.0 through the npm
/// provider (package.json bumped, npm install, directus database migrate:latest, started), and an
/// upgrade to a version that does not exist, rolled back.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class NpmUpgradeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Should_upgrade_to_12_and_keep_the_configuration_and_content_When_it_is_within_the_Core_limits()
    {
        // Given an 11.17.4 npm deployment with a configuration within Directus 12's Core limits
        await using var deployment = await NpmDeployment.StartAsync($"upgrade-{SampleConfiguration.NewSuffix()}");
        using var scenario = new UpgradeScenario(deployment.Connection, output);
        await scenario.PrepareAsync(customPermissionRules: false);
        var before = DumpComparer.Read(scenario.DumpPath);
        var content = await scenario.ContentAsync();
        var upgrade = scenario.Upgrade("12.4.0", deployment.Provider, deployment.Database);

        // When
        await upgrade.RunAsync();

        // Then Directus 12.4.0 runs from the bumped npm project
        upgrade.IsUpgraded.Should().BeTrue();
        (await scenario.VersionAsync()).Should().Be("12.4.0");
        deployment.PackageJsonVersion.Should().Be("12.4.0");
        (await deployment.Provider.InstalledVersionAsync()).Should().Be("12.4.0");

        // and every item keeps every value it had (12 only adds columns), the schema keeps every part
        var after = await scenario.PullAsync("after");
        foreach (var (file, text) in before.Where(f => f.Key.StartsWith("collections/", StringComparison.Ordinal) && f.Key != "collections/settings.json"))
        {
            var kept = JArray.Parse(after[file]).OfType<JObject>().ToDictionary(i => i.Value<string>(CollectionDumpStore.SyncIdProperty)!);
            foreach (var item in JArray.Parse(text).OfType<JObject>())
            {
                var syncId = item.Value<string>(CollectionDumpStore.SyncIdProperty)!;
                kept.Should().ContainKey(syncId, $"{file} {syncId} must survive the upgrade");
                foreach (var property in item.Properties())
                {
                    JToken.DeepEquals(kept[syncId][property.Name], property.Value).Should().BeTrue($"{file} {syncId}.{property.Name} was {property.Value}, is {kept[syncId][property.Name]}");
                }
            }
        }

        JArray.Parse(after["collections/settings.json"])[0]["project_name"]!.ToString()
            .Should().Be(JArray.Parse(before["collections/settings.json"])[0]["project_name"]!.ToString()).And.StartWith("Project ");
        after.Keys.Where(k => k.StartsWith("snapshot/", StringComparison.Ordinal))
            .Should().BeEquivalentTo(before.Keys.Where(k => k.StartsWith("snapshot/", StringComparison.Ordinal)));
        (await scenario.ContentAsync()).Should().Be(content);

        // and the repository's dump is the upgraded instance's, the backup and the report say what happened
        DumpComparer.Read(scenario.DumpPath).Where(f => !f.Key.StartsWith("specs/", StringComparison.Ordinal))
            .Should().Equal(after);
        JObject.Parse(File.ReadAllText(Path.Combine(scenario.DumpPath, "snapshot", "info.json")))["directus"]!.ToString().Should().Be("12.4.0");
        File.ReadAllText(Path.Combine(upgrade.Backup!.Directory, "VERSION")).Should().StartWith("Directus 11.17.4\nDirectusSync ");
        File.Exists(Path.Combine(upgrade.Backup.Directory, "database", "data.db")).Should().BeTrue();
        var report = scenario.Report();
        report.Should().Contain("| Result | ✅ upgraded to 12.4.0 |").And.Contain("| 9 | Post-upgrade | ✅ succeeded |");
        upgrade.Steps.Select(s => s.Step).Should().Equal(DirectusUpgrade.Order);
    }

    [Fact]
    public async Task Should_roll_back_to_11_with_identical_configuration_and_content_When_the_target_version_does_not_exist()
    {
        // Given
        await using var deployment = await NpmDeployment.StartAsync($"rollback-{SampleConfiguration.NewSuffix()}");
        using var scenario = new UpgradeScenario(deployment.Connection, output);
        await scenario.PrepareAsync(customPermissionRules: false);
        var before = await scenario.PullAsync("before");
        var content = await scenario.ContentAsync();
        var upgrade = scenario.Upgrade("12.99.0", deployment.Provider, deployment.Database);

        // When
        var act = () => upgrade.RunAsync();

        // Then the install failed after the stop, and the rollback says what it restored
        var failure = (await act.Should().ThrowAsync<UpgradeFailedException>()).Which;
        failure.Step.Should().Be(UpgradeStep.Install);
        failure.RolledBack.Should().BeTrue();
        failure.Message.Should().Contain("failed at Install").And.Contain("directus@12.99.0").And.Contain("Rolled back").And.Contain("Directus 11.17.4");

        // and 11.17.4 runs again from the restored npm project, with identical configuration and content
        (await scenario.VersionAsync()).Should().Be("11.17.4");
        deployment.PackageJsonVersion.Should().Be("11.17.4");
        (await deployment.Provider.InstalledVersionAsync()).Should().Be("11.17.4");
        (await scenario.PullAsync("after")).Should().Equal(before);
        (await scenario.ContentAsync()).Should().Be(content);
        scenario.Report().Should().Contain("| Result | ❌ failed at Install; rolled back to 11.17.4 |").And.Contain("| Rollback | ✅ succeeded |");
    }
}
