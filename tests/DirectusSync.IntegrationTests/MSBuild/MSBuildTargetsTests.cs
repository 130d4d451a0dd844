using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.MSBuild;

/// <summary>
/// The DirectusSync.MSBuild package as a consumer gets it: packed into a local feed, restored into a project of
/// its own, and run with a real <c>dotnet msbuild -nodeReuse:false</c> against the shared Directus.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class MSBuildTargetsTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_pass_then_fail_with_DSYNC0100_then_pass_after_a_push_When_running_the_package_targets()
    {
        // Given the package in a local feed, a project that references it, and a configuration of our own
        using var temp = new TempFolder();
        var feed = LocalFeed.Create(temp.Combine("feed"));
        await feed.PackAsync("DirectusSync.MSBuild", build: false);
        var project = ConsumerProject.Create(temp.Combine("Shop.Web"), feed, fixture.Instance);
        using var client = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(client, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync();

        // When the instance is pulled with the package's target (in process, with its own RestSharp and Newtonsoft.Json)
        var pull = await project.MSBuildAsync("DirectusSyncPull", "-restore", "-v:detailed");

        // Then it ran inside MSBuild, with the dependencies from the package's tasks folder in the task's load context
        pull.ExitCode.Should().Be(0, pull.ToString());
        var tasks = Path.Combine(feed.Cache, "directussync.msbuild", feed.Version, "tasks", "net10.0");
        foreach (var dependency in new[] { "RestSharp", "Newtonsoft.Json", "DirectusSync.Core" })
        {
            pull.Output.Should().MatchRegex(
                $@"DirectusSync\.MSBuild: {dependency.Replace(".", @"\.")} [\d.]+ loaded from {Regex(Path.Combine(tasks, dependency + ".dll"))} \(load context ""MSBuild plugin {Regex(Path.Combine(tasks, "DirectusSync.MSBuild.dll"))}""\)",
                $"{dependency} must load from the package, beside the task");
        }

        pull.Output.Should().Contain("Newtonsoft.Json 13.0.4", "the package's Newtonsoft.Json wins over the SDK's 13.0.3");
        File.Exists(Path.Combine(project.DumpPath, "collections", "roles.json")).Should().BeTrue();

        // When diffed right after the pull: no drift
        var clean = await project.MSBuildAsync("DirectusSyncDiff");
        clean.ExitCode.Should().Be(0, clean.ToString());
        clean.Output.Should().Contain("matches the dump");

        // When someone changes the role in the Directus app
        await client.PatchAsync($"/roles/{sample.Ids["role"]}", JObject.FromObject(new { description = "Changed by hand" }));
        var drift = await project.MSBuildAsync("DirectusSyncDiff", "-p:DirectusSyncDiffReportPath=drift.md");

        // Then the diff target fails with the documented code, names what differs, and writes the report
        drift.ExitCode.Should().NotBe(0, drift.ToString());
        drift.Output.Should().Contain("error DSYNC0100: ").And.Contain("roles: 1 to update");
        File.ReadAllText(Path.Combine(project.Directory, "drift.md")).Should().Contain("| `roles` | 0 | 1 | 0 | 0 | 0 |")
            .And.Contain(": description`").And.NotContain("Changed by hand", "the report names fields, not values");
        drift.Output.Should().NotContain("Changed by hand");

        // ... and so does a normal build that opted in to the check
        var build = await project.MSBuildAsync("Build", "-p:DirectusSyncCheckOnBuild=true", "-p:UseSharedCompilation=false");
        build.ExitCode.Should().NotBe(0, build.ToString());
        build.Output.Should().Contain("Shop.Web.dll").And.Contain("error DSYNC0100: ");

        // When the dump is pushed
        var push = await project.MSBuildAsync("DirectusSyncPush");

        // Then the role is back, and the diff passes again (this time in a separate task host process)
        push.ExitCode.Should().Be(0, push.ToString());
        (await client.GetAsync($"/roles/{sample.Ids["role"]}"))!["description"]!.ToString().Should().Be("Edits articles");
        var after = await project.MSBuildAsync("DirectusSyncDiff", "-p:DirectusSyncOutOfProcess=true", "-v:detailed");
        after.ExitCode.Should().Be(0, after.ToString());
        after.Output.Should().Contain("matches the dump").And.Contain("external task host");

        // When backed up: a pull into a new dated folder
        var backup = await project.MSBuildAsync("DirectusSyncBackup", "-p:DirectusSyncBackupRoot=backups");
        backup.ExitCode.Should().Be(0, backup.ToString());
        var folder = Directory.GetDirectories(Path.Combine(project.Directory, "backups")).Should().ContainSingle().Subject;
        Path.GetFileName(folder).Should().MatchRegex(@"^backup-\d{8}-\d{6}$");
        File.ReadAllText(Path.Combine(folder, "collections", "roles.json")).Should().Contain($"Editor {sample.Suffix}");

        foreach (var run in new[] { pull, clean, drift, build, push, after, backup })
        {
            run.Output.Should().NotContain(DirectusInstance.AdminToken, "the token is never logged, not even at -v:detailed");
        }
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
