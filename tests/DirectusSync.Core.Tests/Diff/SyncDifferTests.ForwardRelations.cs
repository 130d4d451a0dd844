using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Tests.Diff;

public sealed partial class SyncDifferTests
{
    /// <summary>What a create leaves to a later update when it points at an item not created yet.</summary>
    public sealed class TheSplitForwardRelations
    {
        [Fact]
        public void Should_null_the_field_and_defer_it_When_a_top_level_relation_points_forward()
        {
            // Given
            var create = Create("flows", "flow-a", "{ name: 'A', operation: 'op-1' }");

            // When
            var (item, later) = SyncDiffer.SplitForwardRelations(SystemCollections.Flows, create, [], [("operations", "op-1")]);

            // Then
            item.ShouldBeJson("{ name: 'A', operation: null, _syncId: 'flow-a' }");
            later.ShouldBeJson("{ operation: 'op-1' }");
        }

        [Fact]
        public void Should_null_only_the_nested_id_and_defer_the_whole_object_When_a_nested_relation_points_forward()
        {
            // Given
            var create = Create("operations", "op-trigger", "{ key: 'trigger', options: { flow: 'flow-b', iterationMode: 'serial' } }");

            // When
            var (item, later) = SyncDiffer.SplitForwardRelations(SystemCollections.Operations, create, [], [("flows", "flow-b")]);

            // Then
            item.ShouldBeJson("{ key: 'trigger', options: { flow: null, iterationMode: 'serial' }, _syncId: 'op-trigger' }");
            later.ShouldBeJson("{ options: { flow: 'flow-b', iterationMode: 'serial' } }");
        }

        [Fact]
        public void Should_leave_every_access_row_to_the_later_update_When_one_row_points_at_a_role_not_created_yet()
        {
            // Given
            var create = Create("policies", "pol-editors", "{ name: 'Editors', roles: [{ role: 'role-new', sort: 1 }, { role: 'role-old', sort: 2 }] }");

            // When
            var (item, later) = SyncDiffer.SplitForwardRelations(SystemCollections.Policies, create, [], [("roles", "role-new")]);

            // Then
            item.ShouldBeJson("{ name: 'Editors', _syncId: 'pol-editors' }",
                "an access row with its role nulled would be a public access row, which nothing removes later");
            later.ShouldBeJson("{ roles: [{ role: 'role-new', sort: 1 }, { role: 'role-old', sort: 2 }] }");
        }

        [Fact]
        public void Should_keep_the_relation_When_its_target_is_created_before()
        {
            // Given
            var create = Create("flows", "flow-a", "{ name: 'A', operation: 'op-1' }");

            // When
            var (item, later) = SyncDiffer.SplitForwardRelations(SystemCollections.Flows, create, [("operations", "op-1")], [("operations", "op-1")]);

            // Then
            item.ShouldBeJson("{ name: 'A', operation: 'op-1', _syncId: 'flow-a' }");
            later.ShouldBeJson("{}");
        }

        [Fact]
        public void Should_keep_the_relation_When_its_target_already_exists_on_the_target()
        {
            // Given
            var create = Create("policies", "pol-editors", "{ roles: [{ role: 'role-old', sort: 1 }] }");

            // When
            var (item, later) = SyncDiffer.SplitForwardRelations(SystemCollections.Policies, create, [], [("roles", "role-new")]);

            // Then
            item.ShouldBeJson("{ roles: [{ role: 'role-old', sort: 1 }], _syncId: 'pol-editors' }");
            later.ShouldBeJson("{}");
        }

        [Fact]
        public void Should_keep_a_template_When_it_looks_like_nothing_created_yet()
        {
            // Given
            var create = Create("operations", "op-dyn", "{ options: { flow: '{{ $last.id }}' } }");

            // When
            var (item, later) = SyncDiffer.SplitForwardRelations(SystemCollections.Operations, create, [], [("flows", "{{ $last.id }}")]);

            // Then
            item.ShouldBeJson("{ options: { flow: '{{ $last.id }}' }, _syncId: 'op-dyn' }");
            later.ShouldBeJson("{}");
        }

        private static CreateItem Create(string collection, string syncId, string json)
        {
            var item = Json.Object(json);
            item["_syncId"] = syncId;
            return new CreateItem(collection, syncId, item, PreserveId: false);
        }
    }
}
