using DirectusSync.Core.Model;

namespace DirectusSync.Core.Tests.Model;

public sealed class PlaceholderTargetsTests
{
    public sealed class TheAll
    {
        [Fact]
        public void Should_list_each_default_row_with_its_table_When_every_one_is_known()
        {
            // Given
            var targets = new PlaceholderTargets("r-admin", "p-admin", "p-public", "1");

            // When
            var all = targets.All();

            // Then
            all.Should().Equal(
                ("roles", Placeholders.AdminRole, "r-admin"),
                ("policies", Placeholders.AdminPolicy, "p-admin"),
                ("policies", Placeholders.PublicPolicy, "p-public"),
                ("settings", Placeholders.Settings, "1"));
        }

        [Fact]
        public void Should_leave_out_the_rows_the_instance_lacks_When_some_are_unknown()
        {
            // Given
            var targets = new PlaceholderTargets(null, null, "p-public", null);

            // When
            var all = targets.All();

            // Then
            all.Should().Equal(("policies", Placeholders.PublicPolicy, "p-public"));
        }
    }

    public sealed class ThePlaceholderFor
    {
        [Theory]
        [InlineData("roles", "r-admin", Placeholders.AdminRole)]
        [InlineData("policies", "p-admin", Placeholders.AdminPolicy)]
        [InlineData("policies", "p-public", Placeholders.PublicPolicy)]
        [InlineData("settings", "1", Placeholders.Settings)]
        public void Should_name_the_placeholder_When_the_local_id_is_a_default_row(string table, string localId, string placeholder)
        {
            // Given
            var targets = new PlaceholderTargets("r-admin", "p-admin", "p-public", "1");

            // When
            var result = targets.PlaceholderFor(table, localId);

            // Then
            result.Should().Be(placeholder);
        }

        [Theory]
        [InlineData("roles", "r-editor")]
        [InlineData("policies", "r-admin")]
        [InlineData("presets", "1")]
        public void Should_answer_null_When_the_local_id_is_no_default_row_of_that_table(string table, string localId)
        {
            // Given
            var targets = new PlaceholderTargets("r-admin", "p-admin", "p-public", "1");

            // When
            var result = targets.PlaceholderFor(table, localId);

            // Then
            result.Should().BeNull();
        }
    }

    public sealed class TheIsPlaceholder
    {
        [Theory]
        [InlineData(Placeholders.AdminRole, true)]
        [InlineData(Placeholders.Settings, true)]
        [InlineData("_sync_default_anything", true)]
        [InlineData("_SYNC_DEFAULT_ADMIN_ROLE", false)]
        [InlineData("a1b2c3d4-e5f6", false)]
        public void Should_recognise_sync_default_ids_When_given_a_sync_id(string syncId, bool expected)
        {
            // When
            var result = Placeholders.IsPlaceholder(syncId);

            // Then
            result.Should().Be(expected);
        }
    }
}
