using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Tests.Diff;

public sealed partial class SyncDifferTests
{
    /// <summary>Relations are compared as sync ids: the target's local ids are mapped back before comparing.</summary>
    public sealed class TheRelations
    {
        /// <summary>Every declared top-level relation: (collection, field, target collection).</summary>
        public static TheoryData<string, string, string> TopLevelRelations => new()
        {
            { "settings", "public_registration_role", "roles" },
            { "settings", "storage_default_folder", "folders" },
            { "folders", "parent", "folders" },
            { "flows", "operation", "operations" },
            { "operations", "flow", "flows" },
            { "operations", "resolve", "operations" },
            { "operations", "reject", "operations" },
            { "roles", "parent", "roles" },
            { "permissions", "policy", "policies" },
            { "panels", "dashboard", "dashboards" },
            { "presets", "role", "roles" },
        };

        [Theory]
        [MemberData(nameof(TopLevelRelations))]
        public void Should_see_no_change_When_the_target_holds_the_local_id_of_the_item_the_dump_names(string collection, string field, string targetCollection)
        {
            // Given
            var (dump, target, subject) = RelationWorld(collection, field, targetCollection, targetPointsAt: "local-target-a");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
            plan.Summary(collection).Unchanged.Should().Be(collection == targetCollection ? 3 : 1, subject);
        }

        [Theory]
        [MemberData(nameof(TopLevelRelations))]
        public void Should_update_with_sync_ids_When_the_target_points_at_another_item(string collection, string field, string targetCollection)
        {
            // Given
            var (dump, target, subject) = RelationWorld(collection, field, targetCollection, targetPointsAt: "local-target-b");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal($"update {collection} {subject}: {field}");
            var update = plan.Step<UpdateItem>(collection, subject);
            update.Changes.ShouldBeJson($"{{ {field}: 'target-a' }}", "the plan holds sync ids; the executor resolves them");
            update.Before.ShouldBeJson($"{{ {field}: 'target-b' }}", "the target's value is shown as a pull would write it");
        }

        [Theory]
        [MemberData(nameof(TopLevelRelations))]
        public void Should_keep_the_raw_id_in_before_When_the_target_points_at_an_untracked_item(string collection, string field, string targetCollection)
        {
            // Given
            var (dump, target, subject) = RelationWorld(collection, field, targetCollection, targetPointsAt: "untracked-id");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Step<UpdateItem>(collection, subject).Before.ShouldBeJson($"{{ {field}: 'untracked-id' }}");
        }

        [Fact]
        public void Should_map_the_flow_inside_the_options_When_a_trigger_flow_operation_is_compared()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("flows", "flow-child", "{ name: 'Child', operation: null }")
                .Item("operations", "op-trigger", "{ key: 'trigger', type: 'trigger', options: { flow: 'flow-child', iterationMode: 'serial' }, flow: null }");
            var target = new LiveStateBuilder()
                .MappedItem("flows", "flow-child", "flow-child-local", "{ name: 'Child', operation: null }")
                .MappedItem("operations", "op-trigger", "o1", "{ key: 'trigger', type: 'trigger', options: { flow: 'flow-child-local', iterationMode: 'serial' }, flow: null }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
        }

        [Fact]
        public void Should_send_the_whole_options_with_the_sync_id_When_the_triggered_flow_changes()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("flows", "flow-a", "{ name: 'A', operation: null }")
                .Item("flows", "flow-b", "{ name: 'B', operation: null }")
                .Item("operations", "op-trigger", "{ key: 'trigger', options: { flow: 'flow-b', iterationMode: 'serial' } }");
            var target = new LiveStateBuilder()
                .MappedItem("flows", "flow-a", "flow-a", "{ name: 'A', operation: null }")
                .MappedItem("flows", "flow-b", "flow-b", "{ name: 'B', operation: null }")
                .MappedItem("operations", "op-trigger", "o1", "{ key: 'trigger', options: { flow: 'flow-a', iterationMode: 'serial' } }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            var update = plan.Step<UpdateItem>("operations", "op-trigger");
            update.Changes.ShouldBeJson("{ options: { flow: 'flow-b', iterationMode: 'serial' } }");
            update.Before.ShouldBeJson("{ options: { flow: 'flow-a', iterationMode: 'serial' } }");
        }

        [Fact]
        public void Should_leave_a_dynamic_flow_id_alone_When_it_is_a_template()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("operations", "op-dyn", "{ key: 'dyn', options: { flow: '{{ $last.flow_id }}' } }")
                .Item("operations", "op-new", "{ key: 'new', options: { flow: '{{ $trigger.body.flow }}' } }");
            var target = new LiveStateBuilder()
                .MappedItem("operations", "op-dyn", "o1", "{ key: 'dyn', options: { flow: '{{ $last.flow_id }}' } }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal("create operations op-new");
            plan.Step<CreateItem>("operations", "op-new").Item.ShouldBeJson("{ key: 'new', options: { flow: '{{ $trigger.body.flow }}' }, _syncId: 'op-new' }");
        }

        [Fact]
        public void Should_compare_a_policy_s_roles_by_sync_id_When_the_access_rows_point_at_mapped_roles()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("roles", "role-editor", "{ name: 'Editor' }")
                .Item("policies", "pol-editors", "{ name: 'Editors', roles: [{ role: 'role-editor', sort: 1 }] }");
            var target = new LiveStateBuilder()
                .MappedItem("roles", "role-editor", "r-7", "{ name: 'Editor' }")
                .MappedItem("policies", "pol-editors", "p-3", "{ name: 'Editors', roles: [{ id: 11, role: 'r-7', user: null, sort: 1 }] }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
        }

        [Fact]
        public void Should_ignore_access_rows_of_single_users_When_comparing_a_policy_s_roles()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("policies", "pol-editors", "{ name: 'Editors', roles: [] }");
            var target = new LiveStateBuilder()
                .MappedItem("policies", "pol-editors", "p-3", "{ name: 'Editors', roles: [{ id: 12, role: null, user: 'u-alice', sort: null }] }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty("user-attached access rows are the target's own business");
        }

        [Fact]
        public void Should_update_the_roles_with_the_dump_s_rows_When_a_role_is_attached_to_the_policy()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("roles", "role-editor", "{ name: 'Editor' }")
                .Item("roles", "role-writer", "{ name: 'Writer' }")
                .Item("policies", "pol-editors", "{ name: 'Editors', roles: [{ role: 'role-editor', sort: 1 }, { role: 'role-writer', sort: 2 }] }");
            var target = new LiveStateBuilder()
                .MappedItem("roles", "role-editor", "r-7", "{ name: 'Editor' }")
                .MappedItem("roles", "role-writer", "r-8", "{ name: 'Writer' }")
                .MappedItem("policies", "pol-editors", "p-3", "{ name: 'Editors', roles: [{ id: 11, role: 'r-7', user: null, sort: 1 }, { id: 12, role: null, user: 'u-alice', sort: null }] }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal("update policies pol-editors: roles");
            var update = plan.Step<UpdateItem>("policies", "pol-editors");
            update.Changes.ShouldBeJson("{ roles: [{ role: 'role-editor', sort: 1 }, { role: 'role-writer', sort: 2 }] }");
            update.Before.ShouldBeJson("{ roles: [{ role: 'role-editor', user: null, sort: 1 }] }");
        }

        [Fact]
        public void Should_keep_the_public_access_row_When_comparing_the_public_policy()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("policies", Placeholders.PublicPolicy, "{ name: '$t:public_label', roles: [{ role: null, sort: 1 }] }");
            var target = new LiveStateBuilder()
                .Defaults(publicPolicy: "p-public")
                .MappedItem("policies", Placeholders.PublicPolicy, "p-public", "{ name: '$t:public_label', roles: [{ id: 1, role: null, user: null, sort: 1 }] }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
        }

        [Fact]
        public void Should_not_compare_a_policy_s_roles_When_policy_roles_are_not_synced()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("policies", "pol-editors", "{ name: 'Editors', roles: [{ role: 'role-editor', sort: 1 }] }")
                .Item("policies", "pol-readers", "{ name: 'Readers' }");
            var target = new LiveStateBuilder()
                .MappedItem("policies", "pol-editors", "p-3", "{ name: 'Editors', roles: [{ id: 11, role: 'r-prod-only', user: null, sort: 1 }] }")
                .MappedItem("policies", "pol-readers", "p-4", "{ name: 'Old readers', roles: [{ id: 12, role: 'r-9', user: null, sort: 1 }] }");

            // When
            var plan = Differ.Diff(dump, target, Differ.Options(syncPolicyRoles: false));

            // Then
            plan.Steps().Should().Equal("update policies pol-readers: name");
            plan.Step<UpdateItem>("policies", "pol-readers").Before.ShouldBeJson("{ name: 'Old readers' }");
        }

        [Fact]
        public void Should_report_a_deleted_policy_without_roles_When_policy_roles_are_not_synced()
        {
            // Given
            var target = new LiveStateBuilder()
                .MappedItem("policies", "pol-old", "p-3", "{ name: 'Old', users: ['u1'], permissions: [4], roles: [{ id: 11, role: 'r-1', user: null, sort: 1 }] }");

            // When
            var plan = Differ.Diff(new DumpBuilder(), target, Differ.Options(syncPolicyRoles: false));

            // Then
            plan.Step<DeleteItem>("policies", "pol-old").Item.ShouldBeJson("{ name: 'Old', _syncId: 'pol-old' }");
        }

        /// <summary>
        /// A dump where <paramref name="collection"/>'s item "subject" has <paramref name="field"/> = "target-a",
        /// two items "target-a" and "target-b" of <paramref name="targetCollection"/>, and a target where
        /// all three are mapped (as local-target-a, local-target-b) and the subject's field holds
        /// <paramref name="targetPointsAt"/>.
        /// </summary>
        private static (DumpBuilder Dump, LiveStateBuilder Target, string Subject) RelationWorld(
            string collection, string field, string targetCollection, string targetPointsAt)
        {
            var definition = SystemCollections.Get(collection);
            var subject = definition.IsSingleton ? Placeholders.Settings : "subject";
            var subjectLocal = definition.IsSingleton ? "1" : definition.HasIntegerIds ? "31" : "local-subject";
            var targetJson = CollectionSample.Get(targetCollection).ItemJson;
            var subjectJson = Json.Object(CollectionSample.Get(collection).ItemJson);

            subjectJson[field] = "target-a";
            var dump = new DumpBuilder()
                .Item(targetCollection, "target-a", targetJson)
                .Item(targetCollection, "target-b", targetJson)
                .Item(collection, subject, Json.Compact(subjectJson));

            subjectJson[field] = targetPointsAt;
            var target = new LiveStateBuilder()
                .MappedItem(targetCollection, "target-a", "local-target-a", targetJson)
                .MappedItem(targetCollection, "target-b", "local-target-b", targetJson)
                .MappedItem(collection, subject, subjectLocal, Json.Compact(subjectJson));
            return (dump, target, subject);
        }
    }
}
