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
/// A failure after the database was migrated to 12.4.0 (the new version does not start): the rollback
/// must put the 11.17.4 database back, not only the installation. Upgraded with the user-commands
/// provider around the sandbox script (one installation per version, so no npm install is needed).
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class SandboxRollbackTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Should_restore_the_11_database_When_Directus_12_fails_to_start_after_its_migration()
    {
        // Given
        var name = $"rollback-db-{SampleConfiguration.NewSuffix()}";
        await using var instance = await DirectusInstance.StartAsync(name, "11.17.4");
        var connection = new DirectusConnection(instance.Url, DirectusCredentials.FromToken(DirectusInstance.AdminToken));
        using var scenario = new UpgradeScenario(connection, output);
        await scenario.PrepareAsync(customPermissionRules: false);
        var before = await scenario.PullAsync("before");
        var content = await scenario.ContentAsync();
        var script = Path.Combine(RepositoryRoot.Path, "build", "sandbox", "directus.sh");
        var provider = new CommandsProvider(new CommandsProviderOptions
        {
            Stop = $"bash '{script}' down {name}",
            Install = $"bash '{script}' install {{version}}",
            Migrate = $"bash '{script}' migrate {name} {{version}}",
            // The new version "does not start": only the old one may.
            Start = $"[ {{version}} = 11.17.4 ] && DIRECTUS_VERSION={{version}} DX_PORT={instance.Url.Port} bash '{script}' up {name}",
        }, new ProcessCommandRunner());
        var database = DirectusEnvFile.Read(Path.Combine(instance.InstanceDirectory, ".env")).Database();
        var upgrade = scenario.Upgrade("12.4.0", provider, database);

        // When
        var act = () => upgrade.RunAsync();

        // Then
        var failure = (await act.Should().ThrowAsync<UpgradeFailedException>()).Which;
        failure.Step.Should().Be(UpgradeStep.Start);
        failure.RolledBack.Should().BeTrue();
        failure.Message.Should().Contain("Rolled back: stop Directus; put the old version back; restore the database; start the old version; push the backup's configuration");
        upgrade.Steps[^1].Details.Should().Contain(d => d.StartsWith("✔ restore the database:", StringComparison.Ordinal) && d.Contains("by rename", StringComparison.Ordinal));
        (await scenario.VersionAsync()).Should().Be("11.17.4");
        (await scenario.PullAsync("after")).Should().Equal(before);
        (await scenario.ContentAsync()).Should().Be(content);
        upgrade.Steps.Select(s => (s.Step, s.Outcome)).Should().EndWith([(UpgradeStep.Start, StepOutcome.Failed), (UpgradeStep.Rollback, StepOutcome.Succeeded)]);
    }
}
