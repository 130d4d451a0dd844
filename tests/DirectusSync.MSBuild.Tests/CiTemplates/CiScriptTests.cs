namespace DirectusSync.MSBuild.Tests.CiTemplates;

public sealed class CiScriptTests
{
    public sealed class TheOptionTable
    {
        [Fact]
        public void Should_pass_each_option_only_to_commands_that_accept_it_When_read_against_the_cli()
        {
            CiScript.Options.Should().NotBeEmpty();
            foreach (var (option, (kind, commands)) in CiScript.Options)
            {
                CliOptions.All.Should().ContainKey(option, "the script passes --{0} on", option);
                var reference = CliOptions.All[option];
                reference.Commands.Should().Contain(commands, "the script passes --{0} to these commands", option);
                (kind == "value").Should().Be(reference.TakesValue, "--{0} {1}", option, reference.TakesValue ? "takes a value" : "is a flag");
            }
        }

        [Fact]
        public void Should_cover_every_sync_option_but_the_ones_it_sets_itself()
        {
            // --format and --exit-code are the script's own (diff always runs with both); the connection goes through
            // the environment; seed and helper options belong to other commands; --show-values is deliberately not
            // offered: job summaries and artifacts are readable by everyone with access to the run (ci/README.md).
            var expected = CliOptions.All.Where(o => o.Value.Commands.Count > 0)
                .Select(o => o.Key)
                .Except(["format", "exit-code", "directus-url", "directus-token", "directus-email", "directus-password", "show-values"]);
            CiScript.Options.Keys.Should().BeEquivalentTo(expected);
        }
    }
}
