using DirectusSync.Cli.Output;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Tests.Output;

public sealed class SchemaDiffFormatterTests
{
    public sealed class TheFormat
    {
        [Fact]
        public void Should_print_the_directus_schema_apply_format_When_colours_are_off_and_values_are_shown()
        {
            // Given
            var diff = JObject.Parse("""
                {
                  "collections": [
                    { "collection": "articles", "diff": [ { "kind": "N", "rhs": {} } ] },
                    { "collection": "old", "diff": [ { "kind": "D", "lhs": {} } ] },
                    { "collection": "authors", "diff": [ { "kind": "E", "path": ["meta", "icon"], "lhs": "a", "rhs": "person" } ] }
                  ],
                  "fields": [
                    { "collection": "articles", "field": "title", "diff": [ { "kind": "E", "path": ["schema", "max_length"], "lhs": 100, "rhs": 200 } ] },
                    { "collection": "articles", "field": "status", "diff": [ { "kind": "N", "path": ["meta", "note"], "rhs": "x" }, { "kind": "D", "path": ["meta", "width"], "lhs": "full" } ] }
                  ],
                  "relations": [
                    { "collection": "articles", "field": "author", "related_collection": "authors", "diff": [ { "kind": "N", "rhs": {} } ] }
                  ]
                }
                """);

            // When
            var text = SchemaDiffFormatter.Format(diff, colors: false, showValues: true);

            // Then
            text.Should().Be(
                "The following changes will be applied:\n\n" +
                "Collections:\n" +
                "  - Create articles\n" +
                "  - Delete old\n" +
                "  - Update authors\n" +
                "    - Set icon to person\n\n" +
                "Fields:\n" +
                "  - Update articles.title\n" +
                "    - Set max_length to 200\n" +
                "  - Update articles.status\n" +
                "    - Add note and set it to x\n" +
                "    - Remove width\n\n" +
                "Relations:\n" +
                "  - Create articles.author → authors\n");
        }

        [Fact]
        public void Should_name_what_changes_without_values_When_values_are_hidden()
        {
            // Given
            var diff = JObject.Parse("""
                { "fields": [ { "collection": "articles", "field": "map", "diff": [
                    { "kind": "E", "path": ["meta", "options", "defaultView"], "lhs": "a", "rhs": "visible-value" },
                    { "kind": "N", "path": ["meta", "note"], "rhs": "another-value" } ] } ] }
                """);

            // When
            var text = SchemaDiffFormatter.Format(diff, colors: false, showValues: false);

            // Then
            text.Should().Contain("    - Set options.defaultView\n")
                .And.Contain("    - Add note");
            text.Should().NotContain("visible-value").And.NotContain("another-value");
        }

        [Fact]
        public void Should_mask_a_secret_option_When_values_are_shown()
        {
            // Given
            var diff = JObject.Parse("""
                { "fields": [ { "collection": "places", "field": "map", "diff": [
                    { "kind": "E", "path": ["meta", "options", "apiKey"], "lhs": "old-key-value", "rhs": "new-key-value" } ] } ] }
                """);

            // When
            var text = SchemaDiffFormatter.Format(diff, colors: false, showValues: true);

            // Then
            text.Should().Contain("    - Set options.apiKey to ***").And.NotContain("new-key-value");
        }
    }
}
