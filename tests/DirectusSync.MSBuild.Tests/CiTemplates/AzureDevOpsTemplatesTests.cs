using YamlDotNet.RepresentationModel;

namespace DirectusSync.MSBuild.Tests.CiTemplates;

public sealed class AzureDevOpsTemplatesTests
{
    private static readonly string[] ControlParameters =
        ["command", "failOnDrift", "workingDirectory", "untrustedCheckout", "scriptsPath", "toolVersion", "toolSource", "installDotNet", "dotnetVersion", "publishReport", "reportName", "stepName"];

    private static readonly Dictionary<string, string> ConnectionParameters = new()
    {
        ["directusUrl"] = "DIRECTUS_URL",
        ["directusToken"] = "DIRECTUS_TOKEN",
        ["directusEmail"] = "DIRECTUS_ADMIN_EMAIL",
        ["directusPassword"] = "DIRECTUS_ADMIN_PASSWORD",
    };

    private static YamlMappingNode Steps => Yaml.Load("ci", "azure-devops", "steps.yml");

    private static IEnumerable<string> Parameters(YamlMappingNode template) => template.Seq("parameters").Select(p => p.Text("name")!);

    private static YamlMappingNode ScriptStep => (YamlMappingNode)Steps.Seq("steps").Single(s => s.Has("bash"));

    public sealed class TheStepsTemplate
    {
        [Fact]
        public void Should_name_each_parameter_after_a_cli_option_in_camel_case_or_as_a_control_parameter()
        {
            foreach (var parameter in Parameters(Steps))
            {
                (CliOptions.All.ContainsKey(CliOptions.Kebab(parameter)) || ControlParameters.Contains(parameter))
                    .Should().BeTrue($"parameter '{parameter}' must be a CLI option (--{CliOptions.Kebab(parameter)}) or a control parameter");
            }
        }

        [Fact]
        public void Should_pass_every_parameter_to_the_script_unchanged()
        {
            var env = ScriptStep.Map("env").Scalars();
            foreach (var parameter in Parameters(Steps).Except(["installDotNet", "dotnetVersion", "publishReport", "reportName", "stepName"]))
            {
                var variable = ConnectionParameters.GetValueOrDefault(parameter)
                    ?? (parameter == "scriptsPath" ? "DS_SCRIPTS_PATH" : CliOptions.Variable(CliOptions.Kebab(parameter)));
                env.Should().ContainKey(variable, $"parameter '{parameter}' reaches the script as {variable}");
                env[variable].Should().Be($"${{{{ parameters.{parameter} }}}}");
            }

            var known = CiScript.Options.Keys.Select(CliOptions.Variable).Concat(CiScript.OtherVariables).ToHashSet();
            env.Keys.Should().OnlyContain(v => known.Contains(v));
        }

        [Fact]
        public void Should_offer_only_the_commands_and_modes_of_the_cli()
        {
            var command = Steps.Seq("parameters").Single(p => p.Text("name") == "command").Seq("values").Select(v => ((YamlScalarNode)v).Value);
            command.Should().BeEquivalentTo(CliOptions.Commands);
            var mode = Steps.Seq("parameters").Single(p => p.Text("name") == "mode").Seq("values").Select(v => ((YamlScalarNode)v).Value);
            mode.Should().BeEquivalentTo("", "mirror", "merge", "add");
        }

        [Fact]
        public void Should_run_the_script_without_pasting_parameters_into_it() =>
            ScriptStep.Text("bash").Should().Be("bash \"$DS_SCRIPTS_PATH/directus-sync-ci.sh\" \"$DS_COMMAND\"");
    }

    public sealed class TheStagesTemplate
    {
        private static YamlMappingNode Stages => Yaml.Load("ci", "azure-devops", "stages.yml");

        private static YamlMappingNode Stage(string name) =>
            (YamlMappingNode)Stages.Descendants().OfType<YamlMappingNode>().Single(m => m.Text("stage") == name);

        private static IEnumerable<YamlMappingNode> TemplateCalls(YamlNode node) =>
            node.Descendants().OfType<YamlMappingNode>().Where(m => m.Text("template") == "steps.yml");

        [Fact]
        public void Should_check_drift_on_pull_requests_only()
        {
            Stage("DirectusDrift").Text("condition").Should().Be("eq(variables['Build.Reason'], 'PullRequest')");
            TemplateCalls(Stage("DirectusDrift")).Single().Map("parameters").Text("command").Should().Be("diff");
        }

        [Fact]
        public void Should_push_on_the_main_branch_only()
        {
            Stage("DirectusPush").Text("condition").Should().Contain("eq(variables['Build.SourceBranch'], '${{ parameters.pushBranch }}')")
                .And.Contain("ne(variables['Build.Reason'], 'PullRequest')");
            Stages.Seq("parameters").Single(p => p.Text("name") == "pushBranch").Text("default").Should().Be("refs/heads/main");
            TemplateCalls(Stage("DirectusPush")).Single().Map("parameters").Text("command").Should().Be("push");
        }

        [Fact]
        public void Should_run_the_drift_check_as_an_untrusted_checkout_with_a_pinned_tool()
        {
            // Given the drift stage, which runs on pull requests with the environment's token
            var parameters = TemplateCalls(Stage("DirectusDrift")).Single().Map("parameters");

            // Then nothing from the pull request runs: JS configs refused, the tool pinned and installed isolated
            parameters.Text("untrustedCheckout").Should().Be("true");
            parameters.Text("toolVersion").Should().Be("${{ parameters.toolVersion }}");
            Yaml.Load("ci", "azure-devops", "sample-pipeline.yml").Seq("stages").Cast<YamlMappingNode>().Single()
                .Map("parameters").Text("toolVersion").Should().MatchRegex(@"^\d+\.\d+\.\d+$", "the sample pins the tool");
        }

        [Fact]
        public void Should_never_run_a_push_beside_an_upgrade()
        {
            // Given the push and upgrade stages
            var push = Stage("DirectusPush");
            var upgrade = Stage("DirectusUpgrade");

            // Then both take the environments' exclusive lock, and the upgrade follows this run's push
            push.Text("lockBehavior").Should().Be("sequential");
            upgrade.Text("lockBehavior").Should().Be("sequential");
            upgrade.Text("dependsOn").Should().Be("DirectusPush");
            upgrade.Text("condition").Should().Contain("in(dependencies.DirectusPush.result, 'Succeeded', 'Skipped')");
        }

        [Fact]
        public void Should_run_the_cake_UpgradeDirectus_target_in_the_upgrade_stage()
        {
            Stage("DirectusUpgrade").Descendants().OfType<YamlMappingNode>().Select(m => m.Text("bash"))
                .Should().Contain(b => b != null && b.StartsWith("./build.sh --target=UpgradeDirectus", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_take_url_and_token_from_each_environment_variable_group()
        {
            foreach (var call in TemplateCalls(Stages))
            {
                call.Map("parameters").Text("directusUrl").Should().Be("$(DIRECTUS_URL)");
                call.Map("parameters").Text("directusToken").Should().Be("$(DIRECTUS_TOKEN)");
            }

            Stages.Descendants().OfType<YamlMappingNode>().Where(m => m.Has("job") || m.Has("deployment"))
                .Should().OnlyContain(job => job.Seq("variables").Single().Text("group") == "${{ environment.variableGroup }}");
        }

        [Fact]
        public void Should_pass_only_parameters_the_steps_template_declares()
        {
            var declared = Parameters(Steps).ToHashSet();
            foreach (var call in TemplateCalls(Stages))
            {
                call.Map("parameters").Keys().Should().OnlyContain(k => declared.Contains(k));
            }
        }
    }

    public sealed class TheSamplePipeline
    {
        [Fact]
        public void Should_check_dev_staging_and_production_each_with_its_own_variable_group()
        {
            var call = (YamlMappingNode)Yaml.Load("ci", "azure-devops", "sample-pipeline.yml").Seq("stages").Single();
            call.Text("template").Should().Be("stages.yml");
            var environments = call.Map("parameters").Seq("environments").Cast<YamlMappingNode>().ToList();
            environments.Select(e => e.Text("name")).Should().Equal("dev", "staging", "production");
            environments.Select(e => e.Text("variableGroup")).Should().OnlyHaveUniqueItems();
            var declared = Parameters(Yaml.Load("ci", "azure-devops", "stages.yml")).ToHashSet();
            call.Map("parameters").Keys().Should().OnlyContain(k => declared.Contains(k));
        }
    }
}
