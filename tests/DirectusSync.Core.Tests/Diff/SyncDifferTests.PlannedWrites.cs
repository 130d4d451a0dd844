using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Diff;

public sealed partial class SyncDifferTests
{
    /// <summary>
    /// The writes a push needs beyond creating, updating and deleting tracked items are operations of the plan too,
    /// each with a reason: the executor decides nothing against the target.
    /// </summary>
    public sealed class ThePlannedWrites
    {
        private const string Operation = "name: 'Op', key: '{0}', type: 'log', flow: null, reject: null";

        [Fact]
        public void Should_remove_an_untracked_duplicate_before_creating_When_a_permission_with_the_same_triple_exists()
        {
            // Given a new permission of a known policy, and on the target an untracked permission with its triple,
            // a tracked one (never touched) and an untracked one for another action
            var dump = new DumpBuilder()
                .Item("permissions", "perm-new", "{ policy: 'pol-a', collection: 'articles', action: 'read', fields: ['*'] }")
                .Item("permissions", "perm-tracked", "{ policy: 'pol-a', collection: 'articles', action: 'read', fields: ['title'] }");
            var target = new LiveStateBuilder()
                .MappedItem("policies", "pol-a", "local-pol-a", "{ name: 'A' }")
                .UnmappedItem("permissions", "12", "{ policy: 'local-pol-a', collection: 'articles', action: 'read', fields: ['id'] }")
                .MappedItem("permissions", "perm-tracked", "7", "{ policy: 'local-pol-a', collection: 'articles', action: 'read', fields: ['title'] }")
                .UnmappedItem("permissions", "13", "{ policy: 'local-pol-a', collection: 'articles', action: 'update', fields: ['id'] }");

            // When
            var plan = Differ.Diff(dump, target, Differ.Options(only: ["permissions"]));

            // Then the duplicate goes right before the create, with its reason
            plan.Steps().Should().Equal("remove duplicate permission 12 for perm-new", "create permissions perm-new");
            plan.Step<DeleteDuplicatePermission>("permissions", "perm-new").Reason.Should().Be(
                "remove duplicate permission 12 of policy pol-a: same collection and action (articles.read) as perm-new, which this push creates; the sync does not track it");
        }

        [Fact]
        public void Should_remove_nothing_When_the_policy_of_the_new_permission_is_created_by_the_same_push()
        {
            // Given a permission of a new policy and an untracked permission with the same collection and action elsewhere
            var dump = new DumpBuilder()
                .Item("policies", "pol-new", "{ name: 'New' }")
                .Item("permissions", "perm-new", "{ policy: 'pol-new', collection: 'articles', action: 'read', fields: ['*'] }");
            var target = new LiveStateBuilder()
                .UnmappedItem("permissions", "12", "{ policy: 'local-other', collection: 'articles', action: 'read', fields: ['id'] }");

            // When
            var plan = Differ.Diff(dump, target, Differ.Options(only: ["policies", "permissions"]));

            // Then
            plan.Steps().Should().Equal("create policies pol-new", "create permissions perm-new");
        }

        [Fact]
        public void Should_release_the_next_step_before_creating_When_a_new_operation_takes_one_an_existing_operation_holds()
        {
            // Given op-a resolving to op-t on the target, and a dump that moves op-t to a new operation op-n
            var dump = new DumpBuilder()
                .Item("operations", "op-t", Op("t", resolve: null))
                .Item("operations", "op-a", Op("a", resolve: null))
                .Item("operations", "op-n", Op("n", resolve: "op-t"));
            var target = new LiveStateBuilder()
                .MappedItem("operations", "op-t", "local-t", Op("t", resolve: null))
                .MappedItem("operations", "op-a", "local-a", Op("a", resolve: "local-t"));

            // When
            var plan = Differ.Diff(dump, target, Differ.Options(only: ["operations"]));

            // Then op-a lets go first (its own update later writes the null the dump wants)
            plan.Steps().Should().Equal("release resolve of op-a for op-n", "create operations op-n", "update operations op-a: resolve");
            var release = plan.Step<ReleaseOperationLink>("operations", "op-a");
            release.LocalId.Should().Be("local-a");
            release.BeforeUpdate.Should().BeFalse("a create needs it: add mode keeps it");
            release.Reason.Should().Be("release resolve of operation op-a before creating operation op-n, which takes that next step (op-t)");
        }

        [Fact]
        public void Should_order_updates_without_a_release_When_the_holder_moves_off_in_its_own_update()
        {
            // Given op-a resolving to op-x, and a dump (op-b listed first) that gives op-x to op-b and nothing to op-a
            var dump = new DumpBuilder()
                .Item("operations", "op-x", Op("x", resolve: null))
                .Item("operations", "op-b", Op("b", resolve: "op-x"))
                .Item("operations", "op-a", Op("a", resolve: null));
            var target = new LiveStateBuilder()
                .MappedItem("operations", "op-x", "local-x", Op("x", resolve: null))
                .MappedItem("operations", "op-b", "local-b", Op("b", resolve: null))
                .MappedItem("operations", "op-a", "local-a", Op("a", resolve: "local-x"));

            // When
            var plan = Differ.Diff(dump, target, Differ.Options(only: ["operations"]));

            // Then op-a goes first: no extra write
            plan.Steps().Should().Equal("update operations op-a: resolve", "update operations op-b: resolve");
        }

        [Fact]
        public void Should_release_one_link_When_two_operations_swap_their_next_steps()
        {
            // Given op-a → op-x and op-b → op-y on the target, swapped in the dump (a cycle)
            var dump = new DumpBuilder()
                .Item("operations", "op-x", Op("x", resolve: null))
                .Item("operations", "op-y", Op("y", resolve: null))
                .Item("operations", "op-a", Op("a", resolve: "op-y"))
                .Item("operations", "op-b", Op("b", resolve: "op-x"));
            var target = new LiveStateBuilder()
                .MappedItem("operations", "op-x", "local-x", Op("x", resolve: null))
                .MappedItem("operations", "op-y", "local-y", Op("y", resolve: null))
                .MappedItem("operations", "op-a", "local-a", Op("a", resolve: "local-x"))
                .MappedItem("operations", "op-b", "local-b", Op("b", resolve: "local-y"));

            // When
            var plan = Differ.Diff(dump, target, Differ.Options(only: ["operations"]));

            // Then
            plan.Steps().Should().Equal("release resolve of op-b for op-a", "update operations op-a: resolve", "update operations op-b: resolve");
            var release = plan.Step<ReleaseOperationLink>("operations", "op-b");
            release.BeforeUpdate.Should().BeTrue();
            release.Reason.Should().Be("release resolve of operation op-b before updating operation op-a, which takes that next step (op-y)");
        }

        [Fact]
        public void Should_plan_the_access_rows_by_role_When_a_policy_changes_its_roles()
        {
            // Given a policy attached to r1 (row 14), r2 (row 15) and the public (row 16); the dump re-sorts r1, drops r2, adds r3
            var dump = new DumpBuilder().Item("policies", "pol", """
                { name: 'P', roles: [
                  { role: 'r1', user: null, sort: 2 }, { role: 'r3', user: null, sort: 1 }, { role: null, user: null, sort: null } ] }
                """);
            var target = new LiveStateBuilder()
                .MappedItem("roles", "r1", "local-r1", "{ name: 'R1' }")
                .MappedItem("roles", "r2", "local-r2", "{ name: 'R2' }")
                .MappedItem("roles", "r3", "local-r3", "{ name: 'R3' }")
                .MappedItem("policies", "pol", "local-pol", """
                    { name: 'P', roles: [
                      { id: 14, role: 'local-r1', user: null, sort: 1 }, { id: 15, role: 'local-r2', user: null, sort: 2 },
                      { id: 16, role: null, user: null, sort: null } ] }
                    """);

            // When
            var plan = Differ.Diff(dump, target, Differ.Options(only: ["policies"]));

            // Then one update, whose access rows are computed against the target's rows, public row untouched
            plan.Steps().Should().Equal("update policies pol: roles");
            var update = plan.Step<UpdateItem>("policies", "pol");
            update.Access!.Create.ShouldBeJson("[{ role: 'r3', user: null, sort: 1 }]");
            update.Access.Update.ShouldBeJson("[{ role: 'r1', user: null, sort: 2, id: 14 }]");
            update.Access.Delete.ShouldBeJson("[{ id: 15, role: 'r2' }]");
            update.Reason.Should().Be("access rows: attach role r3; update role r1 (access row 14); detach role r2 (access row 15)");
        }

        [Fact]
        public void Should_write_the_key_first_on_its_own_When_a_translation_changes_key_and_language()
        {
            // Given
            var dump = new DumpBuilder().Item("translations", "t", "{ key: 'hello', language: 'fr-FR', value: 'Bonjour' }");
            var target = new LiveStateBuilder().MappedItem("translations", "t", "local-t", "{ key: 'welcome', language: 'en-US', value: 'Welcome' }");

            // When
            var plan = Differ.Diff(dump, target, Differ.Options(only: ["translations"]));

            // Then two writes of one item update, in order
            plan.Steps().Should().Equal("update translations t: key", "update translations t: language, value");
            var prelude = (UpdateItem)plan.Operations[0];
            prelude.IsPrelude.Should().BeTrue();
            prelude.Before.ShouldBeJson("{ key: 'welcome' }");
            prelude.Reason.Should().StartWith("key first, on its own");
            plan.Summary("translations").ToUpdate.Should().Be(1, "one item is updated");
        }

        private static string Op(string key, string? resolve) =>
            "{ " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Operation, key) + ", resolve: "
            + (resolve is null ? "null" : $"'{resolve}'") + " }";
    }
}
