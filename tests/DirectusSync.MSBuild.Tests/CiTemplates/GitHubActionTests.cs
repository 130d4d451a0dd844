using YamlDotNet.RepresentationModel;

namespace DirectusSync.MSBuild.Tests.CiTemplates;

public sealed class GitHubActionTests
{
    /// <summary>Inputs that steer the action rather than the tool.</summary>
    private static readonly string[] ControlInputs = ["command", "fail-on-drift", "working-directory", "untrusted-checkout", "tool-version", "tool-source", "upload-report", "report-name"];

    /// <summary>Connection inputs: CLI options passed as the environment variables the CLI reads.</summary>
    private static readonly Dictionary<string, string> ConnectionInputs = new()
    {
        ["directus-url"] = "DIRECTUS_URL",
        ["directus-token"] = "DIRECTUS_TOKEN",
        ["directus-email"] = "DIRECTUS_ADMIN_EMAIL",
        ["directus-password"] = "DIRECTUS_ADMIN_PASSWORD",
    };

    private static YamlMappingNode Action => Yaml.Load("ci", "github", "action.yml");

    private static YamlMappingNode SyncStep => (YamlMappingNode)Action.Map("runs").Seq("steps").Single(s => s.Text("id") == "sync");

    public sealed class TheInputs
    {
        [Fact]
        public void Should_each_be_a_cli_option_or_a_documented_control_input()
        {
            foreach (var input in Action.Map("inputs").Keys())
            {
                (CliOptions.All.ContainsKey(input) || ControlInputs.Contains(input))
                    .Should().BeTrue($"input '{input}' must be named after a CLI option (--{input}) or be one of the control inputs");
            }
        }

        [Fact]
        public void Should_reach_the_script_unchanged_When_the_sync_step_runs()
        {
            var env = SyncStep.Map("env").Scalars();
            foreach (var input in Action.Map("inputs").Keys().Except(["upload-report", "report-name"]))
            {
                var variable = ConnectionInputs.GetValueOrDefault(input) ?? CliOptions.Variable(input);
                env.Should().ContainKey(variable, $"input '{input}' reaches the script as {variable}");
                env[variable].Should().Be($"${{{{ inputs.{input} }}}}");
            }
        }

        [Fact]
        public void Should_map_every_option_input_onto_an_option_the_script_passes_on()
        {
            foreach (var input in Action.Map("inputs").Keys().Where(i => CliOptions.All.ContainsKey(i) && !ConnectionInputs.ContainsKey(i)))
            {
                CiScript.Options.Should().ContainKey(input);
            }
        }

        [Fact]
        public void Should_give_the_script_no_variable_that_it_does_not_read()
        {
            var known = CiScript.Options.Keys.Select(CliOptions.Variable).Concat(CiScript.OtherVariables).ToHashSet();
            SyncStep.Map("env").Keys().Should().OnlyContain(v => known.Contains(v));
        }

        [Fact]
        public void Should_paste_no_input_into_the_script_When_running_it()
        {
            // Inputs in `run:` are a script-injection hole; they go through env only.
            SyncStep.Text("run").Should().Be("bash \"$GITHUB_ACTION_PATH/../scripts/directus-sync-ci.sh\" \"$DS_COMMAND\"");
            SyncStep.Text("shell").Should().Be("bash");
        }
    }

    public sealed class TheWorkflows
    {
        private static IEnumerable<(string Job, YamlMappingNode With)> ActionCalls(YamlMappingNode workflow) =>
            workflow.Map("jobs").Children.SelectMany(job => ((YamlMappingNode)job.Value).Seq("steps")
                .Where(s => s.Text("uses") is "./ci/github" or "./trusted/ci/github")
                .Select(s => (((YamlScalarNode)job.Key).Value!, s.Map("with"))));

        [Theory]
        [InlineData("sample-workflow.yml")]
        [InlineData("matrix-workflow.yml")]
        public void Should_take_tokens_from_the_secret_store_and_use_only_declared_inputs(string file)
        {
            var workflow = Yaml.Load("ci", "github", file);
            var declared = Action.Map("inputs").Keys().ToHashSet();
            foreach (var (job, with) in ActionCalls(workflow))
            {
                with.Keys().Should().OnlyContain(k => declared.Contains(k), $"job {job} passes declared inputs only");
                with.Text("directus-token").Should().MatchRegex(@"^\$\{\{ secrets\.[A-Z_]+ \}\}$", $"job {job} takes its token from the secret store");
            }
        }

        [Fact]
        public void Should_check_drift_on_pull_requests_push_on_main_and_upgrade_with_cake()
        {
            var jobs = Yaml.Load("ci", "github", "sample-workflow.yml").Map("jobs");
            var calls = ActionCalls(Yaml.Load("ci", "github", "sample-workflow.yml")).ToDictionary(c => c.Job, c => c.With);

            jobs.Map("drift").Text("if").Should().Be("github.event_name == 'pull_request'");
            calls["drift"].Text("command").Should().Be("diff");
            jobs.Map("push").Text("if").Should().Be("github.event_name == 'push' && github.ref == 'refs/heads/main'");
            calls["push"].Text("command").Should().Be("push");
            jobs.Map("upgrade").Seq("steps").Select(s => s.Text("run")).Should().Contain(r => r != null && r.StartsWith("./build.sh --target=UpgradeDirectus", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("sample-workflow.yml", "drift")]
        [InlineData("matrix-workflow.yml", "drift")]
        public void Should_run_nothing_from_the_pull_request_When_checking_drift_with_a_production_token(string file, string job)
        {
            // Given the drift job, which runs on pull requests with the token
            var steps = Yaml.Load("ci", "github", file).Map("jobs").Map(job).Seq("steps").Cast<YamlMappingNode>().ToList();
            var checkouts = steps.Where(s => s.Text("uses") == "actions/checkout@v4").ToList();
            var call = steps.Single(s => s.Text("uses") == "./trusted/ci/github").Map("with");

            // Then the action and its script come from the reviewed base, not the pull request
            checkouts.Should().Contain(c => c.Map("with").Text("path") == "trusted" && c.Map("with").Text("ref")!.StartsWith("${{ github.event.pull_request.base.sha", StringComparison.Ordinal));
            // the pull request's files are the dump only, without git credentials
            var pr = checkouts.Single(c => c.Map("with").Text("path") == "pr").Map("with");
            pr.Text("sparse-checkout")!.Trim().Should().Be("/directus-config/");
            pr.Text("sparse-checkout-cone-mode").Should().Be("false", "cone mode would add every file at the root (.env, config files, tool manifest)");
            checkouts.Should().OnlyContain(c => c.Map("with").Text("persist-credentials") == "false");
            // the tool is pinned and no JavaScript config runs
            call.Text("untrusted-checkout").Should().Be("true");
            call.Text("tool-version").Should().MatchRegex(@"^\d+\.\d+\.\d+$");
            call.Text("working-directory").Should().Be("pr");
            steps.Should().NotContain(s => s.Has("run"), "no script of the job's own runs in the checkout");
        }

        [Fact]
        public void Should_check_three_environments_in_parallel_each_with_its_own_url_and_secret_When_using_the_matrix()
        {
            var job = Yaml.Load("ci", "github", "matrix-workflow.yml").Map("jobs").Map("drift");
            var matrix = job.Map("strategy").Map("matrix").Seq("environment").Select(n => ((YamlScalarNode)n).Value);
            matrix.Should().Equal("dev", "staging", "production");
            job.Map("strategy").Text("fail-fast").Should().Be("false");
            job.Text("environment").Should().Be("${{ matrix.environment }}", "each leg reads vars and secrets of its own GitHub environment");
            var with = ActionCalls(Yaml.Load("ci", "github", "matrix-workflow.yml")).Single().With;
            with.Text("directus-url").Should().Be("${{ vars.DIRECTUS_URL }}");
            with.Text("report-name").Should().Contain("${{ matrix.environment }}", "artifact names must differ between legs");
        }
    }
}
