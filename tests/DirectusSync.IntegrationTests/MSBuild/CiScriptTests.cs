using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.MSBuild;

/// <summary>
/// The shell step of the CI templates (ci/scripts/directus-sync-ci.sh, which the GitHub composite action and the
/// Azure DevOps steps template run) in bash against the shared Directus, with the environment those templates
/// give it: the tool installed from a local feed, `diff --exit-code` on a clean and on a drifted instance, the
/// report as job summary and outputs, then `push` and a clean diff again.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class CiScriptTests(DirectusFixture fixture)
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "ci", "scripts", "directus-sync-ci.sh");

    [Fact]
    public async Task Should_exit_0_then_2_with_a_drift_report_then_0_after_a_push_When_run_as_the_ci_templates_run_it()
    {
        // Given the CLI packed into a local feed, a repository with a fresh dump, and a configuration of our own
        using var temp = new TempFolder();
        var feed = LocalFeed.Create(temp.Combine("feed"));
        // Packing builds: the CLI's RID-specific tool packages (linux-x64 precompiled, "any") have inner builds of their own.
        await feed.PackAsync("DirectusSync.Cli", build: true);
        using var client = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(client, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync();
        var repository = temp.Combine("repo");
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = Path.Combine(repository, "directus-config") });

        // When the drift check runs as a GitHub job
        var github = GitHubJob(temp, feed);
        var clean = await RunAsync("diff", repository, github.Environment);

        // Then it passes, with outputs and a summary that say so
        clean.ExitCode.Should().Be(0, clean.ToString());
        clean.Output.Should().Contain("installing the tool: dotnet tool install DirectusSync.Cli");
        File.ReadAllText(github.Outputs).Should().Contain("exit-code=0").And.Contain("has-drift=false");
        File.ReadAllText(github.Summary).Should().Contain("No drift");

        // When someone changes the role in the Directus app, and the check runs again
        await client.PatchAsync($"/roles/{sample.Ids["role"]}", JObject.FromObject(new { description = "Changed by hand" }));
        github = GitHubJob(temp, feed);
        var drift = await RunAsync("diff", repository, github.Environment);

        // Then it fails with the drift exit code, and the report names the change
        drift.ExitCode.Should().Be(2, drift.ToString());
        File.ReadAllText(github.Outputs).Should().Contain("exit-code=2").And.Contain("has-drift=true");
        File.ReadAllText(github.Summary).Should().Contain("**Drift**").And.Contain("[roles]").And.Contain("      description");
        var plan = JObject.Parse(File.ReadAllText(Path.Combine(github.ReportDirectory, "drift.json")));
        plan.Value<bool>("hasChanges").Should().BeTrue();

        // and neither the summary, the log nor the artifacts carry the changed value: names, not values
        foreach (var copied in new[] { github.Summary, Path.Combine(github.ReportDirectory, "drift.json"), Path.Combine(github.ReportDirectory, "drift.txt") })
        {
            File.ReadAllText(copied).Should().NotContain("Changed by hand", copied);
        }

        // When the same check runs on Azure DevOps, told not to fail on drift
        var azure = AzureJob(temp, feed);
        azure.Environment["DS_FAIL_ON_DRIFT"] = "False";
        var reported = await RunAsync("diff", repository, azure.Environment);

        // Then it passes, and tells Azure DevOps about the drift through logging commands
        reported.ExitCode.Should().Be(0, reported.ToString());
        reported.Output.Should().Contain("##vso[task.setvariable variable=directusSyncHasDrift;isOutput=true]true")
            .And.Contain($"##vso[task.uploadsummary]{Path.Combine(azure.ReportDirectory, "drift.md")}");

        // When the main branch pushes, then checks again
        var push = await RunAsync("push", repository, GitHubJob(temp, feed).Environment);
        var after = await RunAsync("diff", repository, GitHubJob(temp, feed).Environment);

        // Then the role is back and there is no drift
        push.ExitCode.Should().Be(0, push.ToString());
        (await client.GetAsync($"/roles/{sample.Ids["role"]}"))!["description"]!.ToString().Should().Be("Edits articles");
        after.ExitCode.Should().Be(0, after.ToString());
        foreach (var run in new[] { clean, drift, reported, push, after })
        {
            run.Output.Should().NotContain(DirectusInstance.AdminToken);
        }
    }

    [Fact]
    public async Task Should_run_nothing_from_the_checkout_When_the_checkout_is_untrusted()
    {
        // Given a pull request's checkout that carries, beside its dump, a JS config that would print the token,
        // a nuget.config with a feed of its own and a tool manifest
        using var temp = new TempFolder();
        var feed = LocalFeed.Create(temp.Combine("feed"));
        // Packing builds: the CLI's RID-specific tool packages (linux-x64 precompiled, "any") have inner builds of their own.
        await feed.PackAsync("DirectusSync.Cli", build: true);
        using var client = fixture.Instance.CreateClient();
        var repository = temp.Combine("pr");
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = Path.Combine(repository, "directus-config"), Specs = false });
        File.WriteAllText(Path.Combine(repository, "directus-sync.config.js"),
            "console.log('leaked ' + process.env.DIRECTUS_TOKEN); module.exports = { dumpPath: './directus-config' };");
        File.WriteAllText(Path.Combine(repository, "nuget.config"),
            """<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /><add key="pr" value="http://127.0.0.1:9/nuget" /></packageSources></configuration>""");
        Directory.CreateDirectory(Path.Combine(repository, ".config"));
        File.WriteAllText(Path.Combine(repository, ".config", "dotnet-tools.json"),
            """{"version":1,"isRoot":true,"tools":{"directussync.cli":{"version":"99.0.0","commands":["directus-sync"]}}}""");
        var environment = GitHubJob(temp, feed).Environment;
        environment["DS_UNTRUSTED_CHECKOUT"] = "true";

        // When the drift job runs on it
        var refused = await RunAsync("diff", repository, environment);

        // Then the pinned tool was installed from the job's feed, not the checkout's, and the JS config did not run
        refused.ExitCode.Should().Be(1, refused.ToString());
        refused.Output.Should().Contain("(isolated from the checkout)")
            .And.Contain("directus-sync.config.js").And.Contain("DIRECTUS_SYNC_NO_JS_CONFIG")
            .And.NotContain("leaked").And.NotContain(DirectusInstance.AdminToken);

        // When the JS config is gone (a JSON config is data, and allowed)
        File.Delete(Path.Combine(repository, "directus-sync.config.js"));
        File.WriteAllText(Path.Combine(repository, "directus-sync.config.json"), """{"dumpPath":"./directus-config"}""");
        var checkedOut = await RunAsync("diff", repository, environment);

        // Then the drift check runs
        checkedOut.ExitCode.Should().Be(0, checkedOut.ToString());

        // When nobody pinned the tool
        environment.Remove("DS_TOOL_VERSION");
        var unpinned = await RunAsync("diff", repository, environment);

        // Then the job refuses to pick whatever the checkout's manifest names
        unpinned.ExitCode.Should().Be(1);
        unpinned.Output.Should().Contain("untrusted checkout: pin the tool");
    }

    private static Task<ProcessResult> RunAsync(string command, string repository, IReadOnlyDictionary<string, string> environment) =>
        ChildProcess.RunAsync("bash", [Script, command], repository, environment, TimeSpan.FromMinutes(3));

    /// <summary>What the composite action gives the script on a GitHub runner (its inputs as DS_* variables).</summary>
    private (Dictionary<string, string> Environment, string Outputs, string Summary, string ReportDirectory) GitHubJob(TempFolder temp, LocalFeed feed)
    {
        var runner = temp.Combine("runner");
        Directory.CreateDirectory(runner);
        var outputs = Path.Combine(runner, $"output-{Guid.NewGuid():N}");
        var summary = Path.Combine(runner, $"summary-{Guid.NewGuid():N}");
        var reports = Path.Combine(runner, $"report-{Guid.NewGuid():N}");
        var environment = Common(feed, runner);
        environment["GITHUB_ACTIONS"] = "true";
        environment["GITHUB_OUTPUT"] = outputs;
        environment["GITHUB_STEP_SUMMARY"] = summary;
        environment["DS_REPORT_DIR"] = reports;
        environment["RUNNER_TEMP"] = runner;
        return (environment, outputs, summary, reports);
    }

    /// <summary>What the steps template gives the script on an Azure DevOps agent.</summary>
    private (Dictionary<string, string> Environment, string ReportDirectory) AzureJob(TempFolder temp, LocalFeed feed)
    {
        var agent = temp.Combine("agent");
        Directory.CreateDirectory(agent);
        var reports = Path.Combine(agent, "directus-sync-report-directusSync");
        var environment = Common(feed, temp.Combine("runner"));
        environment["TF_BUILD"] = "True";
        environment["AGENT_TEMPDIRECTORY"] = agent;
        environment["DS_REPORT_DIR"] = reports;
        return (environment, reports);
    }

    private Dictionary<string, string> Common(LocalFeed feed, string toolRoot) => new()
    {
        ["DIRECTUS_URL"] = fixture.Instance.Url.ToString().TrimEnd('/'),
        ["DIRECTUS_TOKEN"] = DirectusInstance.AdminToken,
        ["DS_DUMP_PATH"] = "directus-config",
        ["DS_TOOL_VERSION"] = feed.Version,
        ["DS_TOOL_SOURCE"] = feed.Packages,
        ["DS_TOOL_PATH"] = Path.Combine(toolRoot, "directus-sync-tool"),
        ["NUGET_PACKAGES"] = feed.Cache,
        // What an Azure DevOps boolean parameter renders as.
        ["DS_NO_SPLIT"] = "False",
    };
}
