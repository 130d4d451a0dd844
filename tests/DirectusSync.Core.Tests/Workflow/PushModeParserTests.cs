using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class PushModeParserTests
{
    public sealed class TheParseMethod
    {
        [Theory]
        [InlineData(null, PushMode.Mirror)]
        [InlineData("", PushMode.Mirror)]
        [InlineData("mirror", PushMode.Mirror)]
        [InlineData(" Merge ", PushMode.Merge)]
        [InlineData("ADD", PushMode.Add)]
        public void Should_read_the_mode_When_it_is_a_mode_name_in_any_case(string? value, PushMode expected)
        {
            // When
            var mode = PushModeParser.Parse(value, "--mode");

            // Then
            mode.Should().Be(expected);
        }

        [Theory]
        [InlineData("replace")]
        [InlineData("mirror-all")]
        public void Should_name_the_option_and_the_valid_modes_When_the_value_is_not_a_mode(string value)
        {
            // When
            var act = () => PushModeParser.Parse(value, "DirectusSyncMode");

            // Then
            act.Should().Throw<SyncOptionsException>()
                .Where(e => e.Option == "DirectusSyncMode")
                .WithMessage($"*'{value}'*add, merge, mirror*");
        }
    }
}
