using DirectusSync.Core.Model;
using DirectusSync.Core.Tests.Diff;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Model;

public sealed class RelationPathTests
{
    public sealed class TheParse
    {
        [Fact]
        public void Should_have_one_segment_When_the_path_is_a_top_level_field()
        {
            // When
            var path = RelationPath.Parse("parent", "folders");

            // Then
            path.Text.Should().Be("parent");
            path.TargetCollection.Should().Be("folders");
            path.Segments.Should().Equal("parent");
            path.TopLevelField.Should().Be("parent");
        }

        [Fact]
        public void Should_split_on_dots_When_the_path_is_nested()
        {
            // When
            var path = RelationPath.Parse("options.flow", "flows");

            // Then
            path.Segments.Should().Equal("options", "flow");
            path.TopLevelField.Should().Be("options");
        }

        [Fact]
        public void Should_name_the_array_field_as_top_level_field_When_the_path_goes_through_array_elements()
        {
            // When
            var path = RelationPath.Parse("roles[].role", "roles");

            // Then
            path.Segments.Should().Equal("roles[]", "role");
            path.TopLevelField.Should().Be("roles");
        }
    }

    public sealed class TheValues
    {
        [Fact]
        public void Should_find_the_id_When_the_path_is_a_top_level_field()
        {
            // Given
            var item = Json.Object("{ name: 'Child', parent: 'f-root' }");

            // When
            var values = RelationPath.Parse("parent", "folders").Values(item);

            // Then
            values.Select(v => v.ToString()).Should().Equal("f-root");
        }

        [Theory]
        [InlineData("{ name: 'Root', parent: null }")]
        [InlineData("{ name: 'Root' }")]
        public void Should_find_nothing_When_the_relation_is_null_or_absent(string json)
        {
            // When
            var values = RelationPath.Parse("parent", "folders").Values(Json.Object(json));

            // Then
            values.Should().BeEmpty();
        }

        [Fact]
        public void Should_find_the_id_When_the_path_is_nested()
        {
            // Given
            var item = Json.Object("{ options: { flow: 'flow-child', iterationMode: 'serial' } }");

            // When
            var values = RelationPath.Parse("options.flow", "flows").Values(item);

            // Then
            values.Select(v => v.ToString()).Should().Equal("flow-child");
        }

        [Theory]
        [InlineData("{ options: null }")]
        [InlineData("{ options: 'not an object' }")]
        [InlineData("{ options: ['flow'] }")]
        [InlineData("{ options: { message: 'Hi' } }")]
        [InlineData("{ options: { flow: { nested: 'object' } } }")]
        [InlineData("{ }")]
        public void Should_find_nothing_When_the_nested_path_does_not_lead_to_a_value(string json)
        {
            // When
            var values = RelationPath.Parse("options.flow", "flows").Values(Json.Object(json));

            // Then
            values.Should().BeEmpty();
        }

        [Fact]
        public void Should_find_the_id_of_every_element_When_the_path_goes_through_an_array()
        {
            // Given
            var item = Json.Object("{ roles: [{ role: 'r-1', sort: 1 }, { role: null, sort: 2 }, { sort: 3 }, 'not an object', { role: 'r-2', sort: 4 }] }");

            // When
            var values = RelationPath.Parse("roles[].role", "roles").Values(item);

            // Then
            values.Select(v => v.ToString()).Should().Equal("r-1", "r-2");
        }

        [Theory]
        [InlineData("{ roles: null }")]
        [InlineData("{ roles: { role: 'r-1' } }")]
        [InlineData("{ roles: [] }")]
        public void Should_find_nothing_When_the_array_is_null_empty_or_not_an_array(string json)
        {
            // When
            var values = RelationPath.Parse("roles[].role", "roles").Values(Json.Object(json));

            // Then
            values.Should().BeEmpty();
        }

        [Fact]
        public void Should_find_each_id_When_the_field_holds_an_array_of_ids()
        {
            // Given
            var item = Json.Object("{ tags: ['t-1', null, 't-2'] }");

            // When
            var values = RelationPath.Parse("tags", "translations").Values(item);

            // Then
            values.Select(v => v.ToString()).Should().Equal("t-1", "t-2");
        }

        [Fact]
        public void Should_leave_the_item_unchanged_When_listing_values()
        {
            // Given
            var item = Json.Object("{ roles: [{ role: 'r-1', sort: 1 }], parent: 'p' }");

            // When
            _ = RelationPath.Parse("roles[].role", "roles").Values(item).ToList();

            // Then
            item.ShouldBeJson("{ roles: [{ role: 'r-1', sort: 1 }], parent: 'p' }");
        }
    }

    public sealed class TheRewrite
    {
        private static readonly Func<JValue, JToken> Upper = v => new JValue(v.ToString().ToUpperInvariant());

        [Fact]
        public void Should_replace_the_value_in_place_When_the_path_is_a_top_level_field()
        {
            // Given
            var item = Json.Object("{ name: 'Child', parent: 'f-root', icon: 'folder' }");

            // When
            RelationPath.Parse("parent", "folders").Rewrite(item, Upper);

            // Then
            item.ShouldBeJson("{ name: 'Child', parent: 'F-ROOT', icon: 'folder' }");
        }

        [Fact]
        public void Should_replace_only_the_nested_value_When_the_path_is_nested()
        {
            // Given
            var item = Json.Object("{ options: { flow: 'flow-child', iterationMode: 'serial' } }");

            // When
            RelationPath.Parse("options.flow", "flows").Rewrite(item, Upper);

            // Then
            item.ShouldBeJson("{ options: { flow: 'FLOW-CHILD', iterationMode: 'serial' } }");
        }

        [Fact]
        public void Should_replace_the_id_in_every_element_When_the_path_goes_through_an_array()
        {
            // Given
            var item = Json.Object("{ roles: [{ role: 'r-1', sort: 1 }, { role: null, sort: 2 }, { role: 'r-2', sort: 3 }] }");

            // When
            RelationPath.Parse("roles[].role", "roles").Rewrite(item, Upper);

            // Then
            item.ShouldBeJson("{ roles: [{ role: 'R-1', sort: 1 }, { role: null, sort: 2 }, { role: 'R-2', sort: 3 }] }");
        }

        [Fact]
        public void Should_map_element_wise_and_keep_nulls_When_the_field_holds_an_array_of_ids()
        {
            // Given
            var item = Json.Object("{ tags: ['t-1', null, 't-2'] }");

            // When
            RelationPath.Parse("tags", "translations").Rewrite(item, Upper);

            // Then
            item.ShouldBeJson("{ tags: ['T-1', null, 'T-2'] }");
        }

        [Fact]
        public void Should_not_call_back_When_the_value_is_null()
        {
            // Given
            var item = Json.Object("{ parent: null }");
            var calls = 0;

            // When
            RelationPath.Parse("parent", "folders").Rewrite(item, v =>
            {
                calls++;
                return v;
            });

            // Then
            calls.Should().Be(0);
            item.ShouldBeJson("{ parent: null }");
        }

        [Fact]
        public void Should_keep_the_value_When_the_callback_returns_it()
        {
            // Given
            var item = Json.Object("{ resolve: 'op-b', tags: ['x'] }");

            // When
            RelationPath.Parse("resolve", "operations").Rewrite(item, v => v);
            RelationPath.Parse("tags", "operations").Rewrite(item, v => v);

            // Then
            item.ShouldBeJson("{ resolve: 'op-b', tags: ['x'] }");
        }

        [Fact]
        public void Should_pass_integers_as_they_are_When_an_id_is_a_number()
        {
            // Given
            var item = Json.Object("{ policy: 12 }");
            JValue? seen = null;

            // When
            RelationPath.Parse("policy", "policies").Rewrite(item, v =>
            {
                seen = v;
                return new JValue("pol-12");
            });

            // Then
            seen!.Type.Should().Be(JTokenType.Integer);
            item.ShouldBeJson("{ policy: 'pol-12' }");
        }
    }
}
