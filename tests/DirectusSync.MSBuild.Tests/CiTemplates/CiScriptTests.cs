namespace DirectusSync.MSBuild.Tests.CiTemplates;

public sealed class CiScriptTests
{
    public sealed class TheOptionTable
    {
        [Fact]
        public void Should_hold_only_cli_options_with_the_commands_that_accept_them_When_read_against_the_reference()
        {
            CiScript.Options.Should().NotBeEmpty();
            foreach (var (option, (kind, commands)) in CiScript.Options)
            {
                CliOptions.All.Should().ContainKey(option, "the script passes --{0} on", option);
                var reference = CliOptions.All[option];
                commands.Should().BeEquivalentTo(reference.Commands, "--{0} is accepted by exactly these commands", option);
                (kind == "value").Should().Be(reference.TakesValue, "--{0} {1}", option, reference.TakesValue ? "takes a value" : "is a flag");
            }
        }

        [Fact]
        public void Should_hold_only_options_the_cli_declares_When_its_sources_are_there()
        {
            var declared = CliOptions.InCliSources();
            if (declared is null)
            {
                return;
            }

            declared.Should().Contain(CiScript.Options.Keys.Select(o => "--" + o).Select(o => o[2..]));
        }

        [Fact]
        public void Should_cover_every_sync_option_but_the_ones_it_sets_itself()
        {
            // --format and --exit-code are the script's own (diff always runs with both); the connection goes through
            // the environment; seed and helper options belong to other commands.
            var expected = CliOptions.All.Where(o => o.Value.Commands.Count > 0)
                .Select(o => o.Key)
                .Except(["format", "exit-code", "directus-url", "directus-token", "directus-email", "directus-password"]);
            CiScript.Options.Keys.Should().BeEquivalentTo(expected);
        }
    }
}
