using DirectusSync.Core.Workflow;
using static DirectusSync.Core.Tests.Workflow.PlanBuilder;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class SchemaDeletionsTests
{
    public sealed class TheFindMethod
    {
        [Fact]
        public void Should_name_the_collection_once_When_the_snapshot_lacks_a_collection_with_its_fields_and_relations()
        {
            // Given Directus' diff of a snapshot without "articles": the collection, its fields and its relation go
            var schema = Schema(
                collections: [DroppedCollection("articles")],
                fields: [DroppedField("articles", "id"), DroppedField("articles", "title")],
                relations: [DroppedRelation("articles", "author", "directus_users")]);

            // When
            var deletions = SchemaDeletions.Find(schema);

            // Then
            var collection = deletions.Should().ContainSingle().Subject;
            collection.Kind.Should().Be(SchemaDeletionKind.Collection);
            collection.Collection.Should().Be("articles");
            collection.HasTable.Should().BeTrue();
        }

        [Fact]
        public void Should_name_the_field_and_the_relation_When_only_they_are_missing()
        {
            // Given
            var schema = Schema(
                fields: [DroppedField("articles", "body")],
                relations: [DroppedRelation("articles", "author", "directus_users")]);

            // When
            var deletions = SchemaDeletions.Find(schema);

            // Then
            deletions.Select(d => d.Describe()).Should().Equal(
                "drop field articles.body (its value in every row)",
                "drop relation articles.author → directus_users");
        }

        [Fact]
        public void Should_find_nothing_When_changes_are_inside_an_entity()
        {
            // Given a field whose note changes and whose options are removed
            var schema = Schema(fields: [EditedField("articles", "title")]);

            // When
            var deletions = SchemaDeletions.Find(schema);

            // Then
            deletions.Should().BeEmpty();
        }

        [Fact]
        public void Should_mark_a_folder_as_having_no_table_When_a_dropped_collection_has_no_schema()
        {
            // Given
            var schema = Schema(collections: [DroppedCollection("content", folder: true)]);

            // When
            var deletion = SchemaDeletions.Find(schema).Should().ContainSingle().Subject;

            // Then
            deletion.HasTable.Should().BeFalse();
            deletion.Describe().Should().Be("drop collection content (a folder, no table)");
        }

        [Fact]
        public void Should_find_nothing_When_there_is_no_schema_diff()
        {
            // When
            var deletions = SchemaDeletions.Find(null);

            // Then
            deletions.Should().BeEmpty();
        }
    }
}
