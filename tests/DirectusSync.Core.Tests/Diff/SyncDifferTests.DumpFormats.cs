using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Diff;

public sealed partial class SyncDifferTests
{
    /// <summary>
    /// Dumps of directus-sync 3.4.1 (access rows <c>{role, sort}</c>) and 3.5.1 (<c>{role, user, sort}</c>, user
    /// rows left out), and keys Directus does not keep: compared with what Directus stores, never re-written.
    /// </summary>
    public sealed class TheDumpFormats
    {
        private const string LiveEditors = "{ name: 'Editors', roles: [{ id: 11, role: 'r-7', user: null, sort: 1 }, { id: 12, role: null, user: 'u-alice', sort: null }] }";

        [Theory]
        [InlineData("{ name: 'Editors', roles: [{ role: 'role-editor', sort: 1 }] }")]
        [InlineData("{ name: 'Editors', roles: [{ role: 'role-editor', user: null, sort: 1 }] }")]
        public void Should_plan_nothing_When_a_3_4_1_or_3_5_1_dump_says_what_the_target_stores(string policy)
        {
            // Given
            var dump = new DumpBuilder()
                .Item("roles", "role-editor", "{ name: 'Editor' }")
                .Item("policies", "pol-editors", policy);
            var target = new LiveStateBuilder()
                .MappedItem("roles", "role-editor", "r-7", "{ name: 'Editor' }")
                .MappedItem("policies", "pol-editors", "p-3", LiveEditors);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
            plan.NotKept.Should().BeEmpty();
        }

        [Fact]
        public void Should_plan_nothing_When_the_dump_lists_the_access_rows_in_another_order()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("roles", "role-a", "{ name: 'A' }")
                .Item("roles", "role-b", "{ name: 'B' }")
                .Item("policies", "pol", "{ name: 'P', roles: [{ role: 'role-b', user: null, sort: 2 }, { role: 'role-a', user: null, sort: 1 }] }");
            var target = new LiveStateBuilder()
                .MappedItem("roles", "role-a", "r-a", "{ name: 'A' }")
                .MappedItem("roles", "role-b", "r-b", "{ name: 'B' }")
                .MappedItem("policies", "pol", "p-1", "{ name: 'P', roles: [{ id: 1, role: 'r-a', user: null, sort: 1 }, { id: 2, role: 'r-b', user: null, sort: 2 }] }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty("access rows have no order but their sort");
        }

        [Fact]
        public void Should_still_update_the_roles_When_a_3_5_1_dump_re_sorts_a_row()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("roles", "role-editor", "{ name: 'Editor' }")
                .Item("policies", "pol-editors", "{ name: 'Editors', roles: [{ role: 'role-editor', user: null, sort: 2 }] }");
            var target = new LiveStateBuilder()
                .MappedItem("roles", "role-editor", "r-7", "{ name: 'Editor' }")
                .MappedItem("policies", "pol-editors", "p-3", LiveEditors);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal("update policies pol-editors: roles");
            plan.Step<UpdateItem>("policies", "pol-editors").Changes.ShouldBeJson("{ roles: [{ role: 'role-editor', user: null, sort: 2 }] }");
        }

        [Fact]
        public void Should_report_the_row_and_plan_no_update_When_a_3_4_1_dump_lists_a_row_without_role_the_target_lacks()
        {
            // Given: 3.4.1 dumped a user's access row as { role: null, sort } (it could not tell it from a public row)
            var dump = new DumpBuilder()
                .Item("roles", "role-editor", "{ name: 'Editor' }")
                .Item("policies", "pol-editors", "{ name: 'Editors', roles: [{ role: 'role-editor', sort: 1 }, { role: null, sort: null }] }");
            var target = new LiveStateBuilder()
                .MappedItem("roles", "role-editor", "r-7", "{ name: 'Editor' }")
                .MappedItem("policies", "pol-editors", "p-3", "{ name: 'Editors', roles: [{ id: 11, role: 'r-7', user: null, sort: 1 }] }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty("a push never writes access rows without a role on an existing policy");
            plan.NotKept.Should().ContainSingle().Which.Should().Match<NotKeptKey>(k => k.Collection == "policies" && k.SyncId == "pol-editors" && k.Key == "roles");
        }

        [Fact]
        public void Should_leave_out_a_row_without_role_nor_user_key_When_creating_a_policy_from_a_3_4_1_dump()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("policies", "pol-legacy", "{ name: 'Legacy', roles: [{ role: null, sort: 1 }] }");
            var target = new LiveStateBuilder();

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Step<CreateItem>("policies", "pol-legacy").Item.ShouldBeJson("{ name: 'Legacy', roles: [], _syncId: 'pol-legacy' }");
            plan.NotKept.Should().ContainSingle().Which.Key.Should().Be("roles");
        }

        [Fact]
        public void Should_create_the_public_row_When_a_3_5_1_dump_says_the_row_has_no_user()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("policies", "pol-open", "{ name: 'Open', roles: [{ role: null, user: null, sort: 2 }] }");
            var target = new LiveStateBuilder();

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Step<CreateItem>("policies", "pol-open").Item.ShouldBeJson("{ name: 'Open', roles: [{ role: null, user: null, sort: 2 }], _syncId: 'pol-open' }");
            plan.NotKept.Should().BeEmpty();
        }

        [Fact]
        public void Should_report_the_key_and_plan_no_update_When_the_dump_has_a_key_that_is_not_a_field_of_the_target()
        {
            // Given
            var dump = new DumpBuilder().Item("dashboards", "dash", "{ name: 'KPIs', icon: 'insights', layout_v2: { grid: 12 } }");
            var target = new LiveStateBuilder().MappedItem("dashboards", "dash", "d-1", "{ name: 'KPIs', icon: 'insights', note: null, color: null }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty("Directus would drop the key: writing it changes nothing");
            plan.NotKept.Should().Equal(new NotKeptKey("dashboards", "dash", "layout_v2", "directus_dashboards has no such field on the target"));
        }

        [Fact]
        public void Should_update_the_other_fields_When_an_item_also_has_a_key_the_target_does_not_keep()
        {
            // Given
            var dump = new DumpBuilder().Item("dashboards", "dash", "{ name: 'KPIs 2', legacy: true }");
            var target = new LiveStateBuilder().MappedItem("dashboards", "dash", "d-1", "{ name: 'KPIs', icon: 'insights' }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal("update dashboards dash: name");
            plan.NotKept.Select(k => k.Key).Should().Equal("legacy");
        }

        [Fact]
        public void Should_compare_a_null_field_When_the_target_holds_the_field_as_null()
        {
            // Given
            var dump = new DumpBuilder().Item("dashboards", "dash", "{ name: 'KPIs', note: 'Weekly' }");
            var target = new LiveStateBuilder().MappedItem("dashboards", "dash", "d-1", "{ name: 'KPIs', note: null }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal("update dashboards dash: note");
            plan.NotKept.Should().BeEmpty();
        }
    }
}
