using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Cli;

/// <summary>Named exit codes, --exit-code, --format json, --dry-run, push modes and the deletion guard.</summary>
[Collection(DirectusCollection.Name)]
public sealed class ExitCodeTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_exit_0_When_diff_exit_code_finds_nothing_to_do()
    {
        // Given
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);

        // When
        var result = await cli.RunAsync("diff", "--exit-code");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Should_exit_2_and_print_the_plan_as_json_When_diff_exit_code_finds_drift()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var data = new CliTestData(client);
        var roleId = await data.CreateRoleAsync("Drift", "old");
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        CliTestData.EditInDump(temp.Combine("directus-config"), "roles", $"Drift {data.Suffix}", "description", "new");

        // When
        var result = await cli.RunAsync("diff", "--exit-code", "--format", "json");

        // Then
        result.ExitCode.Should().Be(2, result.ToString());
        var plan = JObject.Parse(result.StdOut);
        plan["command"]!.Value<string>().Should().Be("diff");
        plan["hasChanges"]!.Value<bool>().Should().BeTrue();
        plan.SelectToken("plan.operations")!.Should().ContainSingle(o => o["kind"]!.Value<string>() == "update" && o["localId"]!.Value<string>() == roleId)
            .Which["fields"]!.Values<string>().Should().Equal("description");
        result.StdErr.Should().Contain("[roles] To update: 1 item(s)");
    }

    [Fact]
    public async Task Should_exit_1_When_diff_exit_code_cannot_reach_the_server()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await new CliProcess(temp.Path).RunAsync("diff", "--exit-code", "-u", "http://127.0.0.1:9", "-t", "token-unused");

        // Then
        result.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task Should_stop_without_deleting_When_a_push_would_delete_more_than_a_quarter_of_a_collection()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var (data, dashboards, temp, cli) = await DumpWithOwnDashboardsRemovedAsync(client);
        using var _ = temp;
        var activity = await CliAssertions.CountActivityAsync(client);

        // When
        var result = await cli.RunAsync("push");

        // Then
        result.ExitCode.Should().Be(1, result.ToString());
        result.StdErr.Should().Contain("Push stopped, nothing was written").And.Contain("[dashboards] the push would delete").And.Contain("--allow-deletes");
        foreach (var id in dashboards)
        {
            result.StdErr.Should().Contain($"(id: {id})");
            (await data.ExistsAsync("/dashboards", id)).Should().BeTrue();
        }

        (await CliAssertions.CountActivityAsync(client)).Should().Be(activity);
    }

    [Fact]
    public async Task Should_show_the_plan_and_write_nothing_When_pushing_with_dry_run()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var (data, dashboards, temp, cli) = await DumpWithOwnDashboardsRemovedAsync(client);
        using var _ = temp;
        var activity = await CliAssertions.CountActivityAsync(client);

        // When
        var result = await cli.RunAsync("push", "--dry-run", "--format", "json");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        var plan = JObject.Parse(result.StdOut);
        plan["dryRun"]!.Value<bool>().Should().BeTrue();
        plan.SelectToken("plan.operations")!.Where(o => o["kind"]!.Value<string>() == "delete").Select(o => o["localId"]!.Value<string>())
            .Should().BeEquivalentTo(dashboards);
        result.StdErr.Should().Contain("A push would stop here").And.Contain("Dry run: nothing was written.");
        (await CliAssertions.CountActivityAsync(client)).Should().Be(activity);
        (await data.ExistsAsync("/dashboards", dashboards[0])).Should().BeTrue();
    }

    [Fact]
    public async Task Should_never_delete_When_pushing_in_merge_mode()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var (data, dashboards, temp, cli) = await DumpWithOwnDashboardsRemovedAsync(client);
        using var _ = temp;

        // When
        var result = await cli.RunAsync("push", "--mode", "merge");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("0 deleted").And.Contain("(merge mode)");
        (await data.ExistsAsync("/dashboards", dashboards[0])).Should().BeTrue();
    }

    [Fact]
    public async Task Should_delete_and_report_json_When_deletes_are_allowed()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var (data, dashboards, temp, cli) = await DumpWithOwnDashboardsRemovedAsync(client);
        using var _ = temp;

        // When
        var result = await cli.RunAsync("push", "--allow-deletes", "--format", "json");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        var document = JObject.Parse(result.StdOut);
        document.SelectToken("result.collections")!.Should().ContainSingle(c => c["collection"]!.Value<string>() == "dashboards")
            .Which["deleted"]!.Value<int>().Should().Be(dashboards.Count);
        foreach (var id in dashboards)
        {
            (await data.ExistsAsync("/dashboards", id)).Should().BeFalse();
        }
    }

    /// <summary>
    /// Creates enough dashboards of this test's own (at least 4: up to 3 pass as a reviewed edit) that deleting them
    /// is more than a quarter of all tracked dashboards (other tests leave theirs), pulls, and removes them from the dump.
    /// </summary>
    private async Task<(CliTestData Data, List<string> Dashboards, TempFolder Temp, CliProcess Cli)> DumpWithOwnDashboardsRemovedAsync(Core.Transport.DirectusClient client)
    {
        var data = new CliTestData(client);
        // Tracked after the pull is at most the maps now (dangling ones included) plus the items now plus ours.
        var items = (await client.GetAsync("/dashboards?fields=id&limit=-1"))!.Count();
        var maps = (await new Core.Transport.IdMapClient(client).ListAsync("dashboards")).Count;
        var dashboards = new List<string>();
        for (var i = 0; i < Math.Max(4, (items + maps) / 3 + 2); i++)
        {
            dashboards.Add(await data.CreateDashboardAsync($"Guarded {i}"));
        }

        var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        data.RemoveOwnFromDump(temp.Combine("directus-config"), "dashboards");
        return (data, dashboards, temp, cli);
    }
}
