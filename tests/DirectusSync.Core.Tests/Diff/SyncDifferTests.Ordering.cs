using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Tests.Diff;

public sealed partial class SyncDifferTests
{
    /// <summary>
    /// The plan's order: dangling maps removed, default rows adopted, creates (relation targets first),
    /// deferred relations, updates, then deletes in reverse order.
    /// </summary>
    public sealed class TheOrder
    {
        [Fact]
        public void Should_create_collections_in_creation_order_When_every_collection_has_a_new_item()
        {
            // Given
            var dump = new DumpBuilder();
            foreach (var collection in SystemCollections.Names.Where(n => n != "settings").Reverse())
            {
                dump.Sample(collection);
            }

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder());

            // Then
            plan.Operations.Select(o => o.Collection).Should().Equal(
                "folders", "translations", "roles", "policies", "permissions", "dashboards", "panels", "presets", "flows", "operations");
        }

        [Fact]
        public void Should_delete_collections_in_reverse_creation_order_When_every_collection_lost_its_item()
        {
            // Given
            var target = new LiveStateBuilder();
            foreach (var collection in SystemCollections.Names.Where(n => n != "settings"))
            {
                target.Sample(collection);
            }

            // When
            var plan = Differ.Diff(new DumpBuilder(), target);

            // Then
            plan.Operations.Should().AllBeOfType<DeleteItem>();
            plan.Operations.Select(o => o.Collection).Should().Equal(
                "operations", "flows", "presets", "panels", "dashboards", "permissions", "policies", "roles", "translations", "folders");
        }

        [Fact]
        public void Should_order_the_phases_unmap_map_create_link_update_delete_When_a_plan_has_every_kind_of_step()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("roles", Placeholders.AdminRole, "{ name: 'Admin' }")
                .Item("dashboards", "dash-kpi", "{ name: 'KPIs v2' }")
                .Item("folders", "f-lost", "{ name: 'Lost', parent: null }")
                .Item("flows", "flow-new", "{ name: 'New', operation: 'op-first' }")
                .Item("operations", "op-first", "{ key: 'first', flow: 'flow-new' }");
            var target = new LiveStateBuilder()
                .Defaults(adminRole: "r-admin")
                .UnmappedItem("roles", "r-admin", "{ name: 'Administrator' }")
                .MappedItem("dashboards", "dash-kpi", "d-1", "{ name: 'KPIs' }")
                .MappedItem("panels", "panel-old", "pa-1", "{ name: 'Old', dashboard: 'd-1' }")
                .MappedItem("folders", "f-old", "f-old", "{ name: 'Old', parent: null }")
                .Map("folders", "f-lost", "f-lost");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal(
                "unmap folders f-lost",
                $"map roles {Placeholders.AdminRole} to r-admin",
                "create folders f-lost with its id",
                "create flows flow-new with its id",
                "create operations op-first",
                "deferred update flows flow-new: operation",
                $"update roles {Placeholders.AdminRole}: name",
                "update dashboards dash-kpi: name",
                "delete panels panel-old",
                "delete folders f-old");
        }

        [Fact]
        public void Should_create_parent_folders_before_their_children_When_the_dump_lists_children_first()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("folders", "f-2021", "{ name: '2021', parent: 'f-photos' }")
                .Item("folders", "f-photos", "{ name: 'Photos', parent: 'f-root' }")
                .Item("folders", "f-docs", "{ name: 'Docs', parent: 'f-root' }")
                .Item("folders", "f-root", "{ name: 'Root', parent: null }");

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder());

            // Then
            plan.Steps().Should().Equal(
                "create folders f-root with its id",
                "create folders f-photos with its id",
                "create folders f-docs with its id",
                "create folders f-2021 with its id");
            plan.Step<CreateItem>("folders", "f-2021").Item["parent"]!.ToString().Should().Be("f-photos", "a parent created earlier stays in the create");
        }

        [Fact]
        public void Should_create_parent_roles_before_their_children_When_the_dump_lists_children_first()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("roles", "a-intern", "{ name: 'Intern', parent: 'b-junior' }")
                .Item("roles", "b-junior", "{ name: 'Junior', parent: 'c-senior' }")
                .Item("roles", "c-senior", "{ name: 'Senior', parent: null }");

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder());

            // Then
            plan.Steps().Should().Equal("create roles c-senior", "create roles b-junior", "create roles a-intern");
        }

        [Fact]
        public void Should_keep_a_relation_to_an_existing_parent_in_the_create_When_the_parent_is_already_on_the_target()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("roles", "role-parent", "{ name: 'Parent', parent: null }")
                .Item("roles", "role-child", "{ name: 'Child', parent: 'role-parent' }");
            var target = new LiveStateBuilder().MappedItem("roles", "role-parent", "r-1", "{ name: 'Parent', parent: null }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal("create roles role-child");
            plan.Step<CreateItem>("roles", "role-child").Item.ShouldBeJson("{ name: 'Child', parent: 'role-parent', _syncId: 'role-child' }");
        }

        [Fact]
        public void Should_create_the_targets_of_resolve_and_reject_first_When_operations_form_a_chain()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("operations", "op-a", "{ key: 'a', resolve: 'op-b', reject: 'op-c' }")
                .Item("operations", "op-b", "{ key: 'b', resolve: 'op-d', reject: null }")
                .Item("operations", "op-c", "{ key: 'c', resolve: null, reject: null }")
                .Item("operations", "op-d", "{ key: 'd', resolve: null, reject: null }");

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder());

            // Then
            plan.Steps().Should().Equal(
                "create operations op-c",
                "create operations op-d",
                "create operations op-b",
                "create operations op-a");
            plan.Operations.OfType<UpdateItem>().Should().BeEmpty("no create points at an item created after it");
        }

        [Fact]
        public void Should_create_the_flow_without_its_first_operation_and_link_it_last_When_flow_and_operations_are_new()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("operations", "op-first", "{ key: 'first', flow: 'flow-notify', resolve: 'op-second', reject: null }")
                .Item("operations", "op-second", "{ key: 'second', flow: 'flow-notify', resolve: null, reject: null }")
                .Item("flows", "flow-notify", "{ name: 'Notify', trigger: 'manual', operation: 'op-first' }");

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder());

            // Then
            plan.Steps().Should().Equal(
                "create flows flow-notify with its id",
                "create operations op-second",
                "create operations op-first",
                "deferred update flows flow-notify: operation");
            plan.Step<CreateItem>("flows", "flow-notify").Item.ShouldBeJson("{ name: 'Notify', trigger: 'manual', operation: null, _syncId: 'flow-notify' }");
            var link = plan.Step<UpdateItem>("flows", "flow-notify");
            link.IsDeferredRelation.Should().BeTrue();
            link.LocalId.Should().BeNull("the flow does not exist yet when the plan is made");
            link.Changes.ShouldBeJson("{ operation: 'op-first' }");
            link.Before.ShouldBeJson("{}");
            plan.Summary("flows").Should().Be(new CollectionSummary("flows", 0, ToCreate: 1, ToUpdate: 0, 0, 0), "a deferred relation is part of the create");
        }

        [Fact]
        public void Should_not_touch_the_dump_item_When_a_create_defers_a_relation()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("flows", "flow-notify", "{ name: 'Notify', operation: 'op-first' }")
                .Item("operations", "op-first", "{ key: 'first', flow: 'flow-notify' }");
            var desired = dump.Build();

            // When
            SyncDiffer.Diff(desired, new LiveStateBuilder().Build(), Differ.Options());

            // Then
            desired.Collections["flows"][0].ShouldBeJson("{ name: 'Notify', operation: 'op-first', _syncId: 'flow-notify' }");
        }

        [Fact]
        public void Should_keep_the_first_operation_in_the_create_When_that_operation_already_exists()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("flows", "flow-notify", "{ name: 'Notify', operation: 'op-first' }")
                .Item("operations", "op-first", "{ key: 'first', flow: null }");
            var target = new LiveStateBuilder().MappedItem("operations", "op-first", "o-1", "{ key: 'first', flow: null }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal("create flows flow-notify with its id");
            plan.Step<CreateItem>("flows", "flow-notify").Item["operation"]!.ToString().Should().Be("op-first");
        }

        [Fact]
        public void Should_update_an_existing_flow_after_its_new_first_operation_is_created_When_the_flow_gets_a_new_first_step()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("flows", "flow-notify", "{ name: 'Notify', operation: 'op-new' }")
                .Item("operations", "op-new", "{ key: 'new', flow: 'flow-notify', resolve: 'op-old' }")
                .Item("operations", "op-old", "{ key: 'old', flow: 'flow-notify', resolve: null }");
            var target = new LiveStateBuilder()
                .MappedItem("flows", "flow-notify", "flow-notify", "{ name: 'Notify', operation: 'o-old' }")
                .MappedItem("operations", "op-old", "o-old", "{ key: 'old', flow: 'flow-notify', resolve: null }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal(
                "create operations op-new",
                "update flows flow-notify: operation");
            plan.Step<UpdateItem>("flows", "flow-notify").Before.ShouldBeJson("{ operation: 'op-old' }");
        }

        [Fact]
        public void Should_break_a_cycle_inside_a_collection_with_a_deferred_update_When_two_folders_are_each_other_s_parent()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("folders", "f-a", "{ name: 'A', parent: 'f-b' }")
                .Item("folders", "f-b", "{ name: 'B', parent: 'f-a' }");

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder());

            // Then
            plan.Steps().Should().Equal(
                "create folders f-a with its id",
                "create folders f-b with its id",
                "deferred update folders f-a: parent");
            plan.Step<CreateItem>("folders", "f-a").Item["parent"]!.Type.Should().Be(Newtonsoft.Json.Linq.JTokenType.Null);
            plan.Step<CreateItem>("folders", "f-b").Item["parent"]!.ToString().Should().Be("f-a");
        }

        [Fact]
        public void Should_create_it_then_set_the_relation_When_an_item_is_its_own_parent()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("roles", "role-loop", "{ name: 'Loop', parent: 'role-loop' }")
                .Item("roles", "role-child", "{ name: 'Child', parent: 'role-loop' }");

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder());

            // Then
            plan.Steps().Should().Equal(
                "create roles role-loop",
                "create roles role-child",
                "deferred update roles role-loop: parent");
            plan.Step<CreateItem>("roles", "role-loop").Item["parent"]!.Type.Should().Be(Newtonsoft.Json.Linq.JTokenType.Null,
                "its own id does not exist before it is created");
        }

        [Fact]
        public void Should_create_roles_then_policies_then_permissions_and_presets_When_they_point_at_each_other()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("presets", "preset-drafts", "{ bookmark: 'Drafts', role: 'role-editor' }")
                .Item("permissions", "perm-read", "{ policy: 'pol-editors', collection: 'articles', action: 'read' }")
                .Item("policies", "pol-editors", "{ name: 'Editors', roles: [{ role: 'role-editor', sort: 1 }] }")
                .Item("roles", "role-editor", "{ name: 'Editor', parent: null }")
                .Item("panels", "panel-visits", "{ dashboard: 'dash-kpi' }")
                .Item("dashboards", "dash-kpi", "{ name: 'KPIs' }");

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder());

            // Then
            plan.Steps().Should().Equal(
                "create roles role-editor",
                "create policies pol-editors",
                "create permissions perm-read",
                "create dashboards dash-kpi",
                "create panels panel-visits",
                "create presets preset-drafts");
            plan.Step<CreateItem>("policies", "pol-editors").Item["roles"].ShouldBeJson("[{ role: 'role-editor', sort: 1 }]");
        }

        [Fact]
        public void Should_create_a_dangling_item_s_children_after_it_When_the_parent_is_recreated()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("roles", "role-child", "{ name: 'Child', parent: 'role-parent' }")
                .Item("roles", "role-parent", "{ name: 'Parent', parent: null }");
            var target = new LiveStateBuilder()
                .Map("roles", "role-parent", "r-deleted")
                .MappedItem("roles", "role-child", "r-child", "{ name: 'Child', parent: null }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal(
                "unmap roles role-parent",
                "create roles role-parent",
                "update roles role-child: parent");
        }

        [Fact]
        public void Should_keep_the_order_of_the_dump_When_items_of_one_collection_do_not_depend_on_each_other()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("translations", "t-3", "{ key: 'c', language: 'en-US', value: 'C' }")
                .Item("translations", "t-1", "{ key: 'a', language: 'en-US', value: 'A' }")
                .Item("translations", "t-2", "{ key: 'b', language: 'en-US', value: 'B' }");

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder());

            // Then
            plan.Steps().Should().Equal("create translations t-3", "create translations t-1", "create translations t-2");
        }
    }
}
