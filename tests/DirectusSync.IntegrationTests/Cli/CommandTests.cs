using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Cli;

/// <summary>One test per command of the tool, run as a process against the shared Directus.</summary>
[Collection(DirectusCollection.Name)]
public sealed class CommandTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_write_the_dump_When_pulling()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var data = new CliTestData(client);
        await data.CreateRoleAsync("Puller");
        using var temp = new TempFolder();

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().BeEmpty("human output goes to stderr");
        result.StdErr.Should().Contain("No config file found. Tried path:").And.Contain("✅  Done!");
        CliAssertions.ReadCollection(temp.Combine("directus-config"), "roles").Select(r => r["name"]!.ToString()).Should().Contain($"Puller {data.Suffix}");
        File.Exists(temp.Combine("directus-config", "snapshot", "info.json")).Should().BeTrue();
        File.Exists(temp.Combine("directus-config", "specs", "openapi.json")).Should().BeTrue();
    }

    [Fact]
    public async Task Should_describe_the_changes_without_writing_When_diffing()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var data = new CliTestData(client);
        var roleId = await data.CreateRoleAsync("Differ", "before");
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        CliTestData.EditInDump(temp.Combine("directus-config"), "roles", $"Differ {data.Suffix}", "description", "after");
        var activity = await CliAssertions.CountActivityAsync(client);

        // When
        var result = await cli.RunAsync("diff");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("[roles] To update: 1 item(s)")
            .And.Contain($"~ [roles] Will update item (id: {roleId})")
            .And.Contain("      description");
        result.StdErr.Should().NotContain("\"after\"", "values are shown only with --show-values");
        (await CliAssertions.CountActivityAsync(client)).Should().Be(activity);
        (await data.ReadFieldAsync("/roles", roleId, "description")).Should().Be("before");
    }

    [Fact]
    public async Task Should_apply_the_dump_When_pushing()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var data = new CliTestData(client);
        var roleId = await data.CreateRoleAsync("Pusher", "before");
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        CliTestData.EditInDump(temp.Combine("directus-config"), "roles", $"Pusher {data.Suffix}", "description", "after");

        // When
        var result = await cli.RunAsync("push");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("⬆️  Push: iteration 1").And.Contain("[roles] Updated 1 items").And.Contain("Pushed: 0 created, 1 updated, 0 deleted");
        (await data.ReadFieldAsync("/roles", roleId, "description")).Should().Be("after");
    }

    [Fact]
    public async Task Should_delete_only_the_id_map_When_untracking()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var data = new CliTestData(client);
        var roleId = await data.CreateRoleAsync("Untracked");
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        (await new IdMapClient(client).ListAsync("roles")).Should().Contain(m => m.LocalId == roleId);

        // When
        var result = await cli.RunAsync("helpers", "untrack", "--collection", "roles", "--id", roleId);

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain($"[helpers-client] Untracked roles {roleId}");
        (await new IdMapClient(client).ListAsync("roles")).Should().NotContain(m => m.LocalId == roleId);
        (await data.ExistsAsync("/roles", roleId)).Should().BeTrue();
    }

    [Fact]
    public async Task Should_refuse_the_long_name_When_untracking_with_directus_roles()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("helpers", "untrack", "--collection", "directus_roles", "--id", "1");

        // Then
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("use --collection roles");
    }

    [Fact]
    public async Task Should_keep_one_permission_per_group_When_removing_permission_duplicates()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var data = new CliTestData(client);
        var policy = await client.PostAsync("/policies", JObject.FromObject(new { name = $"Duplicated {data.Suffix}", icon = "badge", admin_access = false, app_access = false }));
        var policyId = policy!["id"]!.ToString();
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsync("/permissions", JObject.FromObject(new { policy = policyId, collection = "directus_users", action = "read", fields = new[] { "id" } }));
        }

        using var temp = new TempFolder();

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("helpers", "remove-permission-duplicates", "--keep", "first");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain($"Deleted 2 duplicated permissions for policy {policyId}, collection directus_users, action read");
        var left = await client.GetAsync($"/permissions?filter[policy][_eq]={policyId}&fields=id");
        left.Should().BeOfType<JArray>().Which.Should().HaveCount(1);
    }

    [Fact]
    public async Task Should_return_once_healthy_When_waiting_for_the_server()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("helpers", "wait-server-ready", "--interval", "1", "--successes", "2");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("Waiting for server to be ready (timeout 90s, interval 1s, successes 2)").And.Contain("Server is ready");
    }

    [Fact]
    public async Task Should_fail_after_the_timeout_When_the_server_never_answers()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await new CliProcess(temp.Path).RunAsync("helpers", "wait-server-ready", "-u", "http://127.0.0.1:9", "--interval", "0.2", "--timeout", "1");

        // Then
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("Timeout waiting for server to be ready after 1s");
    }

    [Fact]
    public async Task Should_say_the_server_is_supported_When_asking_the_version_with_a_server_configured()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("--version");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().HaveCount(3);
        lines[0].Should().MatchRegex(@"^\d+\.\d+\.\d+");
        lines[1].Should().Be($"Supported Directus versions: {SupportedDirectusVersions.Description}");
        lines[2].Should().Be($"Server {fixture.Instance.Url}: Directus {fixture.Instance.Version} (supported)");
    }

    [Fact]
    public async Task Should_document_commands_and_exit_codes_When_asking_for_help()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await new CliProcess(temp.Path).RunAsync("--help");

        // Then
        result.ExitCode.Should().Be(0);
        result.StdOut.Should().Contain("directus-sync [command] [options]").And.Contain("pull").And.Contain("helpers").And.Contain("Exit codes:");
    }
}
