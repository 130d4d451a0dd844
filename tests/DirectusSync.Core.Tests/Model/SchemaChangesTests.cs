using DirectusSync.Core.Model;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Model;

public sealed class SchemaChangesTests
{
    private static JObject Snapshot() => JObject.Parse("""
        {
          "version": 1,
          "collections": [{ "collection": "pages" }, { "collection": "directus_sync_id_map" }],
          "fields": [{ "collection": "pages", "field": "title" }],
          "relations": []
        }
        """);

    [Fact]
    public void Should_answer_the_document_itself_When_no_entry_matches()
    {
        // Given
        var snapshot = Snapshot();

        // When
        var result = SchemaChanges.Without(snapshot, e => e["collection"]?.ToString() == "articles");

        // Then no copy of the whole schema is made
        result.Should().BeSameAs(snapshot);
    }

    [Fact]
    public void Should_answer_a_copy_without_the_entries_and_leave_the_document_as_it_was_When_some_match()
    {
        // Given
        var snapshot = Snapshot();
        var before = snapshot.ToString();

        // When
        var result = SchemaChanges.Without(snapshot, e => e["collection"]?.ToString() == "directus_sync_id_map");

        // Then
        result.Should().NotBeSameAs(snapshot);
        ((JArray)result["collections"]!).Select(c => c["collection"]!.ToString()).Should().Equal("pages");
        result["fields"].Should().BeEquivalentTo(snapshot["fields"]);
        snapshot.ToString().Should().Be(before);
    }
}
