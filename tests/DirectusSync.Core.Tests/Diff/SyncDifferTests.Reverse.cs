using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Tests.Diff;

public sealed partial class SyncDifferTests
{
    /// <summary>
    /// Properties that tie the differ to pull: a target pushed from a dump diffs empty against it, and
    /// the diff of A onto B mirrors the diff of B onto A (creates ↔ deletes, changes ↔ before).
    /// </summary>
    public sealed class TheReverseDiff
    {
        [Fact]
        public void Should_plan_nothing_When_the_target_is_what_a_push_of_the_dump_left_behind()
        {
            // Given
            var dump = WorldA();
            var target = LiveStateBuilder.PushedFrom(dump);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
            plan.Summaries.Sum(s => s.Unchanged).Should().Be(SystemCollections.Names.Sum(n => dump.Items(n).Count));
        }

        [Fact]
        public void Should_delete_what_the_reverse_diff_creates_When_diffing_in_both_directions()
        {
            // Given
            var a = WorldA();
            var b = WorldB();

            // When
            var aOntoB = Differ.Diff(a, LiveStateBuilder.PushedFrom(b));
            var bOntoA = Differ.Diff(b, LiveStateBuilder.PushedFrom(a));

            // Then
            Keys<CreateItem>(aOntoB).Should().BeEquivalentTo(Keys<DeleteItem>(bOntoA));
            Keys<DeleteItem>(aOntoB).Should().BeEquivalentTo(Keys<CreateItem>(bOntoA));
            Keys<CreateItem>(aOntoB).Should().NotBeEmpty();
            Keys<DeleteItem>(aOntoB).Should().NotBeEmpty();
        }

        [Fact]
        public void Should_report_a_deleted_item_as_the_other_dump_holds_it_When_diffing_in_reverse()
        {
            // Given
            var a = WorldA();
            var b = WorldB();

            // When
            var bOntoA = Differ.Diff(b, LiveStateBuilder.PushedFrom(a));

            // Then
            foreach (var delete in bOntoA.Operations.OfType<DeleteItem>())
            {
                var inDump = a.Items(delete.Collection).Single(i => i.Value<string>("_syncId") == delete.SyncId);
                delete.Item.ShouldBeJson(inDump.ToString(), $"{delete.Collection} {delete.SyncId} normalises back to its dump form");
            }
        }

        [Fact]
        public void Should_swap_changes_and_before_When_diffing_in_reverse()
        {
            // Given
            var a = WorldA();
            var b = WorldB();

            // When
            var aOntoB = Differ.Diff(a, LiveStateBuilder.PushedFrom(b)).Operations.OfType<UpdateItem>().Where(u => !u.IsDeferredRelation).ToList();
            var bOntoA = Differ.Diff(b, LiveStateBuilder.PushedFrom(a)).Operations.OfType<UpdateItem>().Where(u => !u.IsDeferredRelation).ToList();

            // Then
            aOntoB.Select(u => (u.Collection, u.SyncId)).Should().BeEquivalentTo(bOntoA.Select(u => (u.Collection, u.SyncId)));
            aOntoB.Should().NotBeEmpty();
            foreach (var update in aOntoB)
            {
                var reverse = bOntoA.Single(u => u.Collection == update.Collection && u.SyncId == update.SyncId);
                update.Changes.ShouldBeJson(reverse.Before.ToString(), $"{update.Collection} {update.SyncId}");
                update.Before.ShouldBeJson(reverse.Changes.ToString(), $"{update.Collection} {update.SyncId}");
            }
        }

        [Fact]
        public void Should_plan_nothing_When_ids_are_preserved_and_the_target_is_what_a_push_left_behind()
        {
            // Given
            var b = WorldB();

            // When
            var plan = Differ.Diff(b, LiveStateBuilder.PushedFrom(b), Differ.Options(preserveIds: ["roles", "policies"]));

            // Then
            plan.Steps().Should().BeEmpty();
        }

        private static List<(string Collection, string SyncId)> Keys<T>(SyncPlan plan)
            where T : PlanOperation =>
            plan.Operations.OfType<T>().Select(o => (o.Collection, o.SyncId)).ToList();

        /// <summary>Every collection, with relations across and inside collections, nested and array ones.</summary>
        private static DumpBuilder WorldA() => new DumpBuilder()
            .Item("settings", Placeholders.Settings, "{ project_name: 'Acme', public_registration_role: 'role-editor', storage_default_folder: 'f-root' }")
            .Item("folders", "f-root", "{ name: 'Root', parent: null }")
            .Item("folders", "f-child", "{ name: 'Child', parent: 'f-root' }")
            .Item("translations", "t-welcome", "{ language: 'en-US', key: 'welcome', value: 'Welcome' }")
            .Item("roles", "role-editor", "{ name: 'Editor', icon: 'edit', parent: null }")
            .Item("roles", "role-junior", "{ name: 'Junior', icon: 'edit', parent: 'role-editor' }")
            .Item("policies", "pol-editors", "{ name: 'Editors', admin_access: false, roles: [{ role: 'role-editor', user: null, sort: 1 }, { role: 'role-junior', user: null, sort: 2 }] }")
            .Item("permissions", "perm-read", "{ policy: 'pol-editors', collection: 'articles', action: 'read', fields: ['*'] }")
            .Item("permissions", "perm-update", "{ policy: 'pol-editors', collection: 'articles', action: 'update', fields: ['title'] }")
            .Item("dashboards", "dash-kpi", "{ name: 'KPIs', icon: 'dashboard' }")
            .Item("panels", "panel-visits", "{ name: 'Visits', dashboard: 'dash-kpi', width: 8 }")
            .Item("presets", "preset-drafts", "{ bookmark: 'Drafts', role: 'role-editor', collection: 'articles' }")
            .Item("flows", "flow-notify", "{ name: 'Notify', trigger: 'manual', operation: 'op-log' }")
            .Item("flows", "flow-child", "{ name: 'Child', trigger: 'operation', operation: null }")
            .Item("operations", "op-log", "{ key: 'log', flow: 'flow-notify', resolve: 'op-trigger', reject: null, options: { message: 'Hi' } }")
            .Item("operations", "op-trigger", "{ key: 'trigger', flow: 'flow-notify', resolve: null, reject: null, options: { flow: 'flow-child' } }")
            .Item("operations", "op-dyn", "{ key: 'dyn', flow: 'flow-child', resolve: null, reject: null, options: { flow: '{{ $trigger.flow }}' } }");

        /// <summary>World A edited: renamed, re-parented, re-attached, items added and removed in every collection.</summary>
        private static DumpBuilder WorldB() => new DumpBuilder()
            .Item("settings", Placeholders.Settings, "{ project_name: 'Acme Corp', public_registration_role: 'role-member', storage_default_folder: 'f-root' }")
            .Item("folders", "f-root", "{ name: 'Root', parent: null }")
            .Item("folders", "f-child", "{ name: 'Kid', parent: null }")
            .Item("folders", "f-new", "{ name: 'New', parent: 'f-child' }")
            .Item("translations", "t-bye", "{ language: 'en-US', key: 'bye', value: 'Bye' }")
            .Item("roles", "role-editor", "{ name: 'Editor', icon: 'edit', parent: null }")
            .Item("roles", "role-member", "{ name: 'Member', icon: 'person', parent: 'role-editor' }")
            .Item("policies", "pol-editors", "{ name: 'Editors', admin_access: false, roles: [{ role: 'role-member', user: null, sort: 1 }] }")
            .Item("permissions", "perm-read", "{ policy: 'pol-editors', collection: 'articles', action: 'read', fields: ['id', 'title'] }")
            .Item("permissions", "perm-delete", "{ policy: 'pol-editors', collection: 'articles', action: 'delete', fields: null }")
            .Item("dashboards", "dash-kpi", "{ name: 'KPIs', icon: 'insights' }")
            .Item("dashboards", "dash-sales", "{ name: 'Sales', icon: 'dashboard' }")
            .Item("panels", "panel-visits", "{ name: 'Visits', dashboard: 'dash-sales', width: 8 }")
            .Item("presets", "preset-drafts", "{ bookmark: 'Drafts', role: 'role-member', collection: 'articles' }")
            .Item("flows", "flow-notify", "{ name: 'Notify', trigger: 'manual', operation: 'op-trigger' }")
            .Item("flows", "flow-child", "{ name: 'Child', trigger: 'operation', operation: null }")
            .Item("operations", "op-trigger", "{ key: 'trigger', flow: 'flow-notify', resolve: null, reject: null, options: { flow: 'flow-notify' } }")
            .Item("operations", "op-dyn", "{ key: 'dyn', flow: 'flow-child', resolve: null, reject: null, options: { flow: '{{ $trigger.flow }}' } }");
    }
}
