using DirectusSync.Cli.Output;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Tests.Output;

public sealed class SchemaDiffFormatterTests
{
    public sealed class TheFormat
    {
        [Fact]
        public void Should_print_the_directus_schema_apply_format_When_colours_are_off()
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
            var text = SchemaDiffFormatter.Format(diff, colors: false);

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
    }
}
