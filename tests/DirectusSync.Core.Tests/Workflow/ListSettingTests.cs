using DirectusSync.Core.Workflow;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class ListSettingTests
{
    public sealed class TheSplit
    {
        [Fact]
        public void Should_split_and_trim_When_names_are_separated_by_commas_and_spaces()
        {
            // Given
            string[] tokens = ["roles, policies ,permissions"];

            // When
            var names = ListSetting.Split(tokens);

            // Then
            names.Should().Equal("roles", "policies", "permissions");
        }

        [Fact]
        public void Should_read_both_words_When_an_unquoted_list_has_a_space_after_a_comma()
        {
            // Given: the shell splits --exclude-collections=roles, policies into "roles," and "policies".
            string[] tokens = ["roles,", "policies"];

            // When
            var names = ListSetting.Split(tokens);

            // Then
            names.Should().Equal("roles", "policies");
        }

        [Fact]
        public void Should_drop_empty_parts_When_commas_are_doubled_or_trailing()
        {
            // Given
            string[] tokens = [",roles,,", " "];

            // When
            var names = ListSetting.Split(tokens);

            // Then
            names.Should().Equal("roles");
        }

        [Theory]
        [InlineData(null, new string[0])]
        [InlineData("", new string[0])]
        [InlineData("roles", new[] { "roles" })]
        [InlineData(" roles , policies ;; flows;", new[] { "roles", "policies", "flows" })]
        public void Should_split_on_commas_and_semicolons_When_given_an_msbuild_list(string? value, string[] expected) =>
            ListSetting.Split(value).Should().Equal(expected);
    }
}
