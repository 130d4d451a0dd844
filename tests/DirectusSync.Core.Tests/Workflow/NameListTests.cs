using DirectusSync.Core.Workflow;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class NameListTests
{
    public sealed class TheSplit
    {
        [Fact]
        public void Should_split_and_trim_When_names_are_separated_by_commas_and_spaces()
        {
            // Given
            string[] tokens = ["roles, policies ,permissions"];

            // When
            var names = NameList.Split(tokens);

            // Then
            names.Should().Equal("roles", "policies", "permissions");
        }

        [Fact]
        public void Should_read_both_words_When_an_unquoted_list_has_a_space_after_a_comma()
        {
            // Given: the shell splits --exclude-collections=roles, policies into "roles," and "policies".
            string[] tokens = ["roles,", "policies"];

            // When
            var names = NameList.Split(tokens);

            // Then
            names.Should().Equal("roles", "policies");
        }

        [Fact]
        public void Should_drop_empty_parts_When_commas_are_doubled_or_trailing()
        {
            // Given
            string[] tokens = [",roles,,", " "];

            // When
            var names = NameList.Split(tokens);

            // Then
            names.Should().Equal("roles");
        }

        [Fact]
        public void Should_split_on_semicolons_too_When_the_list_comes_from_an_MSBuild_property()
        {
            // Given
            const string property = "roles; policies;;";

            // When
            var names = NameList.Split(property);

            // Then
            names.Should().Equal("roles", "policies");
        }

        [Fact]
        public void Should_read_no_names_When_the_value_is_null_or_blank()
        {
            // When
            var none = NameList.Split((string?)null);
            var blank = NameList.Split("  ");

            // Then
            none.Should().BeEmpty();
            blank.Should().BeEmpty();
        }
    }
}
