using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Diff;

public sealed class SchemaMergeTests
{
    [Fact]
    public void Should_keep_collections_fields_and_relations_the_dump_lacks_When_deletions_are_dropped()
    {
        // Given Directus' full answer: a new field, a changed field, and three whole-entity deletions
        var changes = new SchemaChanges("hash-1", JObject.Parse("""
            {
              "collections": [
                { "collection": "legacy", "diff": [{ "kind": "D", "lhs": { "collection": "legacy" } }] },
                { "collection": "articles", "diff": [{ "kind": "N", "rhs": { "collection": "articles" } }] }
              ],
              "fields": [
                { "collection": "articles", "field": "old", "diff": [{ "kind": "D", "lhs": { "field": "old" } }] },
                { "collection": "articles", "field": "title", "diff": [{ "kind": "E", "path": ["meta", "note"], "lhs": "a", "rhs": "b" }] },
                { "collection": "articles", "field": "body", "diff": [{ "kind": "D", "path": ["meta", "note"], "lhs": "gone" }] }
              ],
              "relations": [
                { "collection": "articles", "field": "author", "related_collection": "authors", "diff": [{ "kind": "D", "lhs": {} }] }
              ]
            }
            """));

        // When
        var merged = SchemaMerge.WithoutDeletions(changes)!;

        // Then property removals inside an entity stay; whole entities are not deleted
        merged.Hash.Should().Be("hash-1");
        merged.Diff["collections"]!.Select(c => c.Value<string>("collection")).Should().Equal("articles");
        merged.Diff["fields"]!.Select(f => f.Value<string>("field")).Should().Equal("title", "body");
        merged.Count("relations").Should().Be(0);
        changes.Total.Should().Be(6, "the original is left as it was");
    }

    [Fact]
    public void Should_leave_no_schema_change_When_every_change_is_a_deletion()
    {
        // Given
        var changes = new SchemaChanges("hash-1", JObject.Parse("""
            { "collections": [{ "collection": "legacy", "diff": [{ "kind": "D", "lhs": { "collection": "legacy" } }] }], "fields": [], "relations": [] }
            """));

        // When
        var merged = SchemaMerge.WithoutDeletions(changes);

        // Then
        merged.Should().BeNull("a plan whose schema part is empty applies nothing");
    }
}
