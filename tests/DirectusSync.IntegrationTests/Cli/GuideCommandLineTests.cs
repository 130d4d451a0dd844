using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Cli;

/// <summary>
/// Every `npx directus-sync …` line of the upgrade guide (shared/seed/directus-upgrades.md), run as
/// `dotnet directus-sync …` with exactly the guide's arguments; the server comes from DIRECTUS_URL and DIRECTUS_TOKEN.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class GuideCommandLineTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_report_no_difference_When_running_diff_right_after_a_pull()
    {
        // Given
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);

        // When
        var result = await cli.RunAsync("diff");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("No differences: a push would change nothing.").And.Contain("✅  Done!");
    }

    [Fact]
    public async Task Should_apply_pending_changes_When_running_push()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var data = new CliTestData(client);
        var roleId = await data.CreateRoleAsync("Guide push", "old");
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        CliTestData.EditInDump(temp.Combine("directus-config"), "roles", $"Guide push {data.Suffix}", "description", "new");

        // When
        var result = await cli.RunAsync("push");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        (await data.ReadFieldAsync("/roles", roleId, "description")).Should().Be("new");
    }

    [Fact]
    public async Task Should_write_the_backup_folder_When_running_pull_with_dump_path_backup()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull", "--dump-path", "./backup");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        File.Exists(temp.Combine("backup", "collections", "roles.json")).Should().BeTrue();
        File.Exists(temp.Combine("backup", "snapshot", "info.json")).Should().BeTrue();
        Directory.Exists(temp.Combine("directus-config")).Should().BeFalse();
    }

    [Fact]
    public async Task Should_write_the_dated_backup_folder_When_running_pull_with_a_dated_dump_path()
    {
        // Given: what the shell makes of --dump-path ./backup-$(date +%Y%m%d).
        using var temp = new TempFolder();
        var folder = $"./backup-{DateTime.Now:yyyyMMdd}";

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull", "--dump-path", folder);

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        File.Exists(Path.Combine(temp.Path, folder, "collections", "permissions.json")).Should().BeTrue();
    }

    [Fact]
    public async Task Should_print_the_version_and_the_matrix_When_running_version_without_a_server()
    {
        // Given no Directus at all (its speed is measured by the benchmark, not here)
        using var temp = new TempFolder();
        var cli = new CliProcess(temp.Path);

        // When
        var result = await cli.RunAsync("--version");

        // Then
        result.ExitCode.Should().Be(0);
        result.StdOut.Should().Contain("Supported Directus versions: Directus 11.x and 12.x");
        result.StdErr.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_leave_the_snapshot_out_When_running_pull_no_snapshot()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull", "--no-snapshot");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        File.Exists(temp.Combine("directus-config", "collections", "roles.json")).Should().BeTrue();
        File.Exists(temp.Combine("directus-config", "snapshot", "info.json")).Should().BeFalse();
    }

    [Fact]
    public async Task Should_compare_only_roles_and_permissions_When_running_diff_only_collections_roles_permissions()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var data = new CliTestData(client);
        await data.CreateRoleAsync("Guide diff only");
        await data.CreateDashboardAsync("Guide diff only");
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        var dump = temp.Combine("directus-config");
        CliTestData.EditInDump(dump, "roles", $"Guide diff only {data.Suffix}", "description", "changed");
        CliTestData.EditInDump(dump, "dashboards", $"Guide diff only {data.Suffix}", "note", "changed");

        // When
        var result = await cli.RunAsync("diff", "--only-collections", "roles,permissions");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("[roles] To update: 1 item(s)").And.NotContain("[dashboards]");
    }

    [Fact]
    public async Task Should_push_only_roles_and_permissions_When_running_push_only_collections_roles_permissions()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var data = new CliTestData(client);
        var roleId = await data.CreateRoleAsync("Guide push only", "old");
        var dashboardId = await data.CreateDashboardAsync("Guide push only");
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        var dump = temp.Combine("directus-config");
        CliTestData.EditInDump(dump, "roles", $"Guide push only {data.Suffix}", "description", "new");
        CliTestData.EditInDump(dump, "dashboards", $"Guide push only {data.Suffix}", "note", "new");

        // When
        var result = await cli.RunAsync("push", "--only-collections", "roles,permissions");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        (await data.ReadFieldAsync("/roles", roleId, "description")).Should().Be("new");
        (await data.ReadFieldAsync("/dashboards", dashboardId, "note")).Should().BeNull("dashboards were not pushed");
    }

    [Fact]
    public async Task Should_have_nothing_to_push_When_running_pull_then_push()
    {
        // Given
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);

        // When: npx directus-sync pull && npx directus-sync push
        var pull = await cli.RunAsync("pull");
        var push = pull.ExitCode == 0 ? await cli.RunAsync("push") : pull;

        // Then
        pull.ExitCode.Should().Be(0, pull.ToString());
        push.ExitCode.Should().Be(0, push.ToString());
        push.StdErr.Should().Contain("Pushed: 0 created, 0 updated, 0 deleted");
    }

    [Fact]
    public async Task Should_push_to_the_given_server_When_running_push_with_directus_url()
    {
        // Given: only the token in the environment; the server comes from the flag, spelled with localhost.
        using var client = fixture.Instance.CreateClient();
        var data = new CliTestData(client);
        var roleId = await data.CreateRoleAsync("Guide url", "old");
        using var temp = new TempFolder();
        var url = new UriBuilder(fixture.Instance.Url) { Host = "localhost" }.Uri.ToString().TrimEnd('/');
        var cli = new CliProcess(temp.Path).With("DIRECTUS_TOKEN", DirectusInstance.AdminToken);
        (await cli.RunAsync("pull", "--directus-url", url)).ExitCode.Should().Be(0);
        CliTestData.EditInDump(temp.Combine("directus-config"), "roles", $"Guide url {data.Suffix}", "description", "new");

        // When
        var result = await cli.RunAsync("push", "--directus-url", url);

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        (await data.ReadFieldAsync("/roles", roleId, "description")).Should().Be("new");
    }

    [Fact]
    public async Task Should_diff_the_schema_When_running_diff_force()
    {
        // Given
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);

        // When
        var result = await cli.RunAsync("diff", "--force");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("No differences");
    }

    [Fact]
    public async Task Should_push_with_the_version_check_off_When_running_push_force()
    {
        // Given: a dump whose snapshot claims another Directus version; Directus refuses to diff it without force.
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        var info = temp.Combine("directus-config", "snapshot", "info.json");
        var snapshotInfo = JObject.Parse(File.ReadAllText(info));
        snapshotInfo["directus"] = "11.0.0";
        File.WriteAllText(info, snapshotInfo.ToString());
        var refused = await cli.RunAsync("push");

        // When
        var result = await cli.RunAsync("push", "--force");

        // Then
        refused.ExitCode.Should().Be(1, "without --force Directus refuses a snapshot of another version: " + refused);
        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Should_write_only_permissions_When_running_pull_only_collections_permissions()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull", "--only-collections", "permissions");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        Directory.GetFiles(temp.Combine("directus-config", "collections")).Select(Path.GetFileName).Should().Equal("permissions.json");
    }

    [Fact]
    public async Task Should_succeed_When_running_helpers_remove_permission_duplicates()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("helpers", "remove-permission-duplicates");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("✅  Done!");
    }

    [Fact]
    public async Task Should_restore_the_backup_When_running_push_with_dump_path_backup()
    {
        // Given: a backup, then a change on the instance that the backup does not have.
        using var client = fixture.Instance.CreateClient();
        var data = new CliTestData(client);
        var roleId = await data.CreateRoleAsync("Guide backup", "backed up");
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull", "--dump-path", "./backup")).ExitCode.Should().Be(0);
        await client.PatchAsync($"/roles/{roleId}", JObject.FromObject(new { description = "changed after the backup" }));

        // When
        var result = await cli.RunAsync("push", "--dump-path", "./backup");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        (await data.ReadFieldAsync("/roles", roleId, "description")).Should().Be("backed up");
    }
}
