using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace DirectusSync.IntegrationTests.Upgrade;

/// <summary>
/// The gates that stop an upgrade before anything is stopped, on the shared Directus 11.17.4: the
/// preflight on drift (writing nothing to the server), and the licence gate on custom permission rules
/// that Directus 12 without a licence would hide.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class GateTests(DirectusFixture fixture, ITestOutputHelper output)
{
    private DirectusConnection Connection(RecordingHandler? handler = null) =>
        new(fixture.Instance.Url, DirectusCredentials.FromToken(DirectusInstance.AdminToken)) { Handler = handler };

    [Fact]
    public async Task Should_stop_with_a_report_of_the_drift_and_write_nothing_When_the_server_differs_from_the_dump()
    {
        // Given a dump, then changes made on the server behind its back
        using var scenario = new UpgradeScenario(Connection(), output);
        await scenario.PrepareAsync(customPermissionRules: false);
        var sample = scenario.Sample!;
        using (var client = fixture.Instance.CreateClient())
        {
            await client.PatchAsync($"/roles/{sample.Ids["role"]}", JObject.FromObject(new { description = "Changed on the server" }));
            await client.PostAsync($"/fields/{sample.Articles}", JObject.FromObject(new { field = "subtitle", type = "string", meta = new { @interface = "input" }, schema = new { } }));
        }

        var drifted = await scenario.PullAsync("drifted-before");
        var handler = new RecordingHandler();
        var provider = new RecordingProvider();
        var upgrade = scenario.Upgrade("12.4.0", provider, database: null, through: Connection(handler));

        // When
        var act = () => upgrade.RunAsync();

        // Then the preflight refused, naming what differs
        var refusal = (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which;
        refusal.Step.Should().Be(UpgradeStep.Preflight);
        refusal.Message.Should().Contain("differs from the repository's dump").And.Contain("nothing was written")
            .And.Contain("schema: 1 change(s) (0 collection(s), 1 field(s), 0 relation(s))").And.Contain($"field {sample.Articles}.subtitle").And.Contain("roles: 1 to update").And.NotContain("Changed on the server").And.Contain("--push-pending");

        // and nothing was written: only reads, the schema diff and cache clears went out; nothing was stopped
        handler.Requests.Should().NotBeEmpty();
        handler.Writes.Select(w => $"{w.Method} {w.PathAndQuery.Split('?')[0]}")
            .Should().OnlyContain(r => r == "POST /schema/diff" || r == "POST /utils/cache/clear");
        provider.Calls.Should().BeEmpty();
        (await scenario.PullAsync("drifted-after")).Should().Equal(drifted);
        scenario.Report().Should().Contain("| Result | ⛔ refused at Preflight: nothing was stopped or changed |");
        Directory.EnumerateDirectories(scenario.WorkPath, "backup-*").Should().BeEmpty();
    }

    [Fact]
    public async Task Should_refuse_naming_the_permissions_that_would_vanish_When_12_without_a_licence_cannot_keep_them()
    {
        // Given a configuration with custom permission rules (a field list and an item filter)
        using var scenario = new UpgradeScenario(Connection(), output);
        await scenario.PrepareAsync(customPermissionRules: true);
        var sample = scenario.Sample!;
        var provider = new RecordingProvider();
        // This gate comes after the backup: the database copy's gate is waived here, on purpose.
        var upgrade = scenario.Upgrade("12.4.0", provider, database: null, acceptNoDatabaseBackup: true);

        // When
        var act = () => upgrade.RunAsync();

        // Then the licence gate refused before anything was stopped
        var refusal = (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which;
        refusal.Step.Should().Be(UpgradeStep.VersionCheck);
        refusal.Message.Should().Contain("Directus 12.4.0 without a licence would lose configuration")
            .And.Contain($"permissions: {sample.Articles} update of policy \"Editor policy {sample.Suffix}\" (fields title, status; item filter)")
            .And.Contain("--accept-licence-loss");
        provider.Calls.Should().Equal("save");
        (await scenario.VersionAsync()).Should().Be("11.17.4");
        upgrade.Licence!.Findings.Should().Contain(f => f.Entitlement == "custom_permission_rules");
        scenario.Report().Should().Contain("| Result | ⛔ refused at Version check: nothing was stopped or changed |");
    }
}
