using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Tests.Diff;

public sealed partial class SyncDifferTests
{
    /// <summary>The four outcomes of an item, for every collection where they apply.</summary>
    public sealed class TheItemCases
    {
        [Theory]
        [MemberData(nameof(CollectionSample.CollectionsWithItems), MemberType = typeof(CollectionSample))]
        public void Should_create_the_item_When_the_target_has_no_map_for_its_sync_id(string collection)
        {
            // Given
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder().Sample(collection);
            var target = new LiveStateBuilder();

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            var preserved = SystemCollections.Get(collection).AlwaysPreservesIds ? " with its id" : string.Empty;
            plan.Steps().Should().Equal($"create {collection} {sample.SyncId}{preserved}");
            plan.Step<CreateItem>(collection, sample.SyncId).Item.ShouldBeJson(dump.Items(collection)[0].ToString());
            plan.Summary(collection).Should().Be(new CollectionSummary(collection, Dangling: 0, ToCreate: 1, ToUpdate: 0, ToDelete: 0, Unchanged: 0));
        }

        [Theory]
        [MemberData(nameof(CollectionSample.Collections), MemberType = typeof(CollectionSample))]
        public void Should_update_only_the_changed_field_with_the_dump_value_When_a_mapped_item_differs(string collection)
        {
            // Given
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder().Item(collection, sample.SyncId, sample.ChangedJson());
            var target = new LiveStateBuilder().Sample(collection);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal($"update {collection} {sample.SyncId}: {sample.Field}");
            var update = plan.Step<UpdateItem>(collection, sample.SyncId);
            update.LocalId.Should().Be(sample.LocalId);
            update.Changes.ShouldBeJson($"{{ {sample.Field}: {sample.NewValue} }}");
            update.Before.ShouldBeJson($"{{ {sample.Field}: {sample.OldValue} }}");
            update.IsDeferredRelation.Should().BeFalse();
            plan.Summary(collection).Should().Be(new CollectionSummary(collection, 0, 0, ToUpdate: 1, 0, 0));
        }

        [Theory]
        [MemberData(nameof(CollectionSample.Collections), MemberType = typeof(CollectionSample))]
        public void Should_plan_nothing_When_the_mapped_item_equals_the_dump(string collection)
        {
            // Given
            var dump = new DumpBuilder().Sample(collection);
            var target = new LiveStateBuilder().Sample(collection);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
            plan.IsEmpty.Should().BeTrue();
            plan.Summary(collection).Should().Be(new CollectionSummary(collection, 0, 0, 0, 0, Unchanged: 1));
            plan.Summary(collection).HasChanges.Should().BeFalse();
        }

        [Theory]
        [MemberData(nameof(CollectionSample.CollectionsWithItems), MemberType = typeof(CollectionSample))]
        public void Should_delete_the_item_in_its_dump_form_When_a_mapped_item_is_absent_from_the_dump(string collection)
        {
            // Given
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder();
            var target = new LiveStateBuilder().Sample(collection);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal($"delete {collection} {sample.SyncId}");
            var delete = plan.Step<DeleteItem>(collection, sample.SyncId);
            delete.LocalId.Should().Be(sample.LocalId);
            delete.Item.ShouldBeJson(new DumpBuilder().Sample(collection).Items(collection)[0].ToString(), "the deleted item is reported as a pull would have written it");
            plan.Summary(collection).ToDelete.Should().Be(1);
        }

        [Theory]
        [MemberData(nameof(CollectionSample.CollectionsWithItems), MemberType = typeof(CollectionSample))]
        public void Should_remove_the_map_and_create_the_item_again_When_the_mapped_item_was_deleted_on_the_target(string collection)
        {
            // Given
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder().Sample(collection);
            var target = new LiveStateBuilder().Map(collection, sample.SyncId, sample.LocalId);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            var preserved = SystemCollections.Get(collection).AlwaysPreservesIds ? " with its id" : string.Empty;
            plan.Steps().Should().Equal(
                $"unmap {collection} {sample.SyncId}",
                $"create {collection} {sample.SyncId}{preserved}");
            plan.Step<DeleteIdMap>(collection, sample.SyncId).LocalId.Should().Be(sample.LocalId);
            plan.Summary(collection).Should().Be(new CollectionSummary(collection, Dangling: 1, ToCreate: 1, 0, 0, 0));
        }

        [Theory]
        [MemberData(nameof(CollectionSample.CollectionsWithItems), MemberType = typeof(CollectionSample))]
        public void Should_only_remove_the_map_When_the_item_is_gone_from_both_sides(string collection)
        {
            // Given
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder();
            var target = new LiveStateBuilder().Map(collection, sample.SyncId, sample.LocalId);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal($"unmap {collection} {sample.SyncId}");
        }

        [Theory]
        [MemberData(nameof(CollectionSample.CollectionsWithItems), MemberType = typeof(CollectionSample))]
        public void Should_leave_an_untracked_item_alone_When_the_dump_does_not_have_it(string collection)
        {
            // Given
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder();
            var target = new LiveStateBuilder().UnmappedItem(collection, sample.LocalId, sample.ItemJson);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty("only items the sync tracks (through a map) are ever deleted");
        }

        [Theory]
        [MemberData(nameof(CollectionSample.CollectionsWithItems), MemberType = typeof(CollectionSample))]
        public void Should_create_a_duplicate_unless_ids_are_integers_When_an_equal_item_exists_on_the_target_without_a_map(string collection)
        {
            // Given
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder().Sample(collection);
            var target = new LiveStateBuilder().UnmappedItem(collection, "7", sample.ItemJson);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            if (SystemCollections.Get(collection).HasIntegerIds)
            {
                plan.Steps().Should().Equal([$"map {collection} {sample.SyncId} to 7"],
                    "an integer-keyed item gets its id from Directus, so one a push created but could not map is found by content");
            }
            else
            {
                plan.Steps().Should().ContainSingle().Which.Should().StartWith($"create {collection} {sample.SyncId}",
                    "items are matched through the id map (and uuid items through their sync id), never by content");
            }
        }

        [Fact]
        public void Should_never_clear_a_field_When_the_dump_does_not_have_it()
        {
            // Given
            var dump = new DumpBuilder().Item("roles", "editor", "{ name: 'Editor' }");
            var target = new LiveStateBuilder().MappedItem("roles", "editor", "r1", "{ name: 'Editor', icon: 'edit', description: 'Writes', parent: null }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
            plan.Summary("roles").Unchanged.Should().Be(1);
        }

        [Fact]
        public void Should_send_a_nested_object_whole_When_one_of_its_keys_changed()
        {
            // Given
            var dump = new DumpBuilder().Item("presets", "drafts", "{ collection: 'articles', layout_query: { tabular: { sort: ['-date'], limit: 50 } } }");
            var target = new LiveStateBuilder().MappedItem("presets", "drafts", "17", "{ collection: 'articles', layout_query: { tabular: { sort: ['-date'], limit: 25 } } }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            var update = plan.Step<UpdateItem>("presets", "drafts");
            update.Changes.ShouldBeJson("{ layout_query: { tabular: { sort: ['-date'], limit: 50 } } }");
            update.Before.ShouldBeJson("{ layout_query: { tabular: { sort: ['-date'], limit: 25 } } }");
        }

        [Fact]
        public void Should_see_a_change_When_a_nested_key_exists_only_on_the_target()
        {
            // Given
            var dump = new DumpBuilder().Item("operations", "log", "{ key: 'log', options: { message: 'Hi' } }");
            var target = new LiveStateBuilder().MappedItem("operations", "log", "o1", "{ key: 'log', options: { message: 'Hi', level: 'warn' } }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Step<UpdateItem>("operations", "log").Changes.ShouldBeJson("{ options: { message: 'Hi' } }",
                "only top-level fields are compared; below them the dump's value replaces the target's whole");
        }

        [Fact]
        public void Should_see_a_change_When_only_the_order_of_an_array_differs()
        {
            // Given
            var dump = new DumpBuilder().Item("permissions", "read", "{ collection: 'articles', action: 'read', fields: ['title', 'id'] }");
            var target = new LiveStateBuilder().MappedItem("permissions", "read", "3", "{ collection: 'articles', action: 'read', fields: ['id', 'title'] }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal("update permissions read: fields");
        }

        [Fact]
        public void Should_ignore_the_collection_s_ignored_fields_When_comparing()
        {
            // Given
            var dump = new DumpBuilder().Item("flows", "f1", "{ name: 'Flow', operation: null }");
            var target = new LiveStateBuilder().MappedItem("flows", "f1", "f1",
                "{ name: 'Flow', operation: null, date_created: '2024-05-01T10:00:00.000Z', user_created: 'u1', operations: ['o1', 'o2'] }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
        }

        [Fact]
        public void Should_not_compare_ignored_fields_When_the_dump_still_holds_them()
        {
            // Given
            var dump = new DumpBuilder().Item("roles", "editor", "{ name: 'Editor', users: ['u1'], policies: [] }");
            var target = new LiveStateBuilder().MappedItem("roles", "editor", "r1", "{ name: 'Editor', users: ['u2', 'u3'], children: [], policies: ['p1'] }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
        }

        [Fact]
        public void Should_compare_integer_ids_as_text_When_the_collection_has_integer_keys()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("presets", "kept", "{ collection: 'articles', layout: 'cards' }")
                .Item("permissions", "kept", "{ collection: 'articles', action: 'read' }");
            var target = new LiveStateBuilder()
                .MappedItem("presets", "kept", "5", "{ collection: 'articles', layout: 'tabular' }")
                .MappedItem("presets", "gone", "6", "{ collection: 'pages', layout: 'tabular' }")
                .MappedItem("permissions", "kept", "12", "{ collection: 'articles', action: 'read' }");

            // When
            var plan = Differ.Diff(dump, target, Differ.Options(preserveIds: ["permissions", "presets"]));

            // Then
            plan.Steps().Should().Equal("update presets kept: layout", "delete presets gone");
            plan.Step<UpdateItem>("presets", "kept").LocalId.Should().Be("5");
            plan.Step<DeleteItem>("presets", "gone").LocalId.Should().Be("6");
        }

        [Fact]
        public void Should_never_preserve_integer_ids_When_permissions_or_presets_are_named_in_preserve_ids()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("permissions", "p-read", "{ collection: 'articles', action: 'read' }")
                .Item("presets", "pr-1", "{ collection: 'articles' }");

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder(), Differ.Options(preserveIds: ["permissions", "presets"]));

            // Then
            plan.Steps().Should().Equal("create permissions p-read", "create presets pr-1");
        }

        [Fact]
        public void Should_leave_collections_out_When_they_are_not_selected()
        {
            // Given
            var dump = new DumpBuilder().Sample("roles").Sample("dashboards");
            var target = new LiveStateBuilder().Sample("panels");

            // When
            var plan = Differ.Diff(dump, target, Differ.Options(only: ["dashboards"]));

            // Then
            plan.Steps().Should().Equal($"create dashboards {CollectionSample.Get("dashboards").SyncId}");
            plan.Summaries.Select(s => s.Collection).Should().Equal("dashboards");
        }

        [Fact]
        public void Should_list_summaries_in_the_reference_order_When_diffing_every_collection()
        {
            // When
            var plan = Differ.Diff(new DumpBuilder(), new LiveStateBuilder());

            // Then
            plan.Summaries.Select(s => s.Collection).Should().Equal(SystemCollections.Names);
        }

        [Fact]
        public void Should_pass_the_schema_changes_through_When_given()
        {
            // Given
            var schema = new SchemaChanges("hash-1", Json.Object("{ collections: [{}], fields: [], relations: [] }"));

            // When
            var plan = SyncDiffer.Diff(new DumpBuilder().Build(), new LiveStateBuilder().Build(), Differ.Options(), schema);

            // Then
            plan.Schema.Should().BeSameAs(schema);
            plan.IsEmpty.Should().BeFalse();
        }
    }
}
