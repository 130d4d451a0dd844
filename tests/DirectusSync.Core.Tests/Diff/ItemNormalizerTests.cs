using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Diff;

public sealed class ItemNormalizerTests
{
    private static readonly Func<string, string, string?> NoMaps = (_, _) => null;

    public sealed class TheWithSyncId
    {
        [Fact]
        public void Should_drop_the_id_and_append_the_sync_id_last_When_given_an_item_from_the_api()
        {
            // Given
            var item = Json.Object("{ id: 'r-7', name: 'Editor', icon: 'edit' }");

            // When
            var result = ItemNormalizer.WithSyncId(item, "role-editor");

            // Then
            result.ShouldBeJson("{ name: 'Editor', icon: 'edit', _syncId: 'role-editor' }");
        }

        [Fact]
        public void Should_move_an_existing_sync_id_to_the_end_When_the_item_already_has_one()
        {
            // Given
            var item = Json.Object("{ _syncId: 'old', id: 3, name: 'Editor' }");

            // When
            var result = ItemNormalizer.WithSyncId(item, "role-editor");

            // Then
            result.ShouldBeJson("{ name: 'Editor', _syncId: 'role-editor' }");
        }

        [Fact]
        public void Should_leave_the_input_unchanged_When_normalising()
        {
            // Given
            var item = Json.Object("{ id: 'r-7', name: 'Editor' }");

            // When
            ItemNormalizer.WithSyncId(item, "role-editor");

            // Then
            item.ShouldBeJson("{ id: 'r-7', name: 'Editor' }");
        }
    }

    public sealed class TheMapRelations
    {
        [Fact]
        public void Should_remove_the_ignored_fields_When_normalising_an_item()
        {
            // Given
            var item = Json.Object("{ name: 'KPIs', date_created: '2024-01-01T00:00:00.000Z', user_created: 'u1', panels: ['p1'], _syncId: 'dash' }");

            // When
            var result = ItemNormalizer.MapRelations(SystemCollections.Dashboards, item, NoMaps);

            // Then
            result.ShouldBeJson("{ name: 'KPIs', _syncId: 'dash' }");
        }

        [Fact]
        public void Should_write_sync_ids_When_the_related_items_are_mapped()
        {
            // Given
            var item = Json.Object("{ key: 'a', flow: 'flow-local', resolve: 'o-2', reject: 'o-3', options: { flow: 'flow-other' }, _syncId: 'op-a' }");
            var maps = new Dictionary<(string, string), string>
            {
                [("flows", "flow-local")] = "flow-sync",
                [("operations", "o-2")] = "op-b",
                [("operations", "o-3")] = "op-c",
                [("flows", "flow-other")] = "flow-other-sync",
            };

            // When
            var result = ItemNormalizer.MapRelations(SystemCollections.Operations, item, (t, l) => maps.GetValueOrDefault((t, l)));

            // Then
            result.ShouldBeJson("{ key: 'a', flow: 'flow-sync', resolve: 'op-b', reject: 'op-c', options: { flow: 'flow-other-sync' }, _syncId: 'op-a' }");
        }

        [Fact]
        public void Should_keep_the_raw_id_When_the_related_item_has_no_map()
        {
            // Given
            var item = Json.Object("{ name: 'Child', parent: 'r-untracked', _syncId: 'role-child' }");

            // When
            var result = ItemNormalizer.MapRelations(SystemCollections.Roles, item, NoMaps);

            // Then
            result.ShouldBeJson("{ name: 'Child', parent: 'r-untracked', _syncId: 'role-child' }");
        }

        [Fact]
        public void Should_ask_the_relation_s_target_table_When_mapping_an_id()
        {
            // Given
            var item = Json.Object("{ public_registration_role: 'x', storage_default_folder: 'x', _syncId: 's' }");
            var asked = new List<(string, string)>();

            // When
            ItemNormalizer.MapRelations(SystemCollections.Settings, item, (t, l) =>
            {
                asked.Add((t, l));
                return null;
            });

            // Then
            asked.Should().Equal(("roles", "x"), ("folders", "x"));
        }

        [Fact]
        public void Should_not_map_a_template_When_a_relation_holds_one()
        {
            // Given
            var item = Json.Object("{ options: { flow: '  {{ $last.flow }}' }, _syncId: 'op' }");

            // When
            var result = ItemNormalizer.MapRelations(SystemCollections.Operations, item, (_, _) => "mapped");

            // Then
            result.ShouldBeJson("{ options: { flow: '  {{ $last.flow }}' }, _syncId: 'op' }");
        }

        [Fact]
        public void Should_write_role_user_and_sort_of_access_rows_and_drop_user_rows_as_3_5_1_does_When_normalising_a_policy()
        {
            // Given
            var item = Json.Object(
                "{ name: 'Editors', users: ['u1'], permissions: [1, 2], roles: [" +
                "{ id: 1, role: 'r-7', user: null, sort: 1 }, " +
                "{ id: 2, role: null, user: 'u-alice', sort: null }, " +
                "{ id: 3, role: null, user: null, sort: 1 }], _syncId: 'pol' }");

            // When
            var result = ItemNormalizer.MapRelations(SystemCollections.Policies, item, (t, l) => t == "roles" && l == "r-7" ? "role-editor" : null);

            // Then
            result.ShouldBeJson("{ name: 'Editors', roles: [{ role: 'role-editor', user: null, sort: 1 }, { role: null, user: null, sort: 1 }], _syncId: 'pol' }");
            ((JObject)result["roles"]![0]!).Properties().Select(p => p.Name).Should().Equal("role", "user", "sort");
        }

        [Fact]
        public void Should_remove_the_roles_When_policy_roles_are_not_synced()
        {
            // Given
            var item = Json.Object("{ name: 'Editors', roles: [{ id: 1, role: 'r-7', user: null, sort: 1 }], _syncId: 'pol' }");

            // When
            var result = ItemNormalizer.MapRelations(SystemCollections.Policies, item, NoMaps, syncPolicyRoles: false);

            // Then
            result.ShouldBeJson("{ name: 'Editors', _syncId: 'pol' }");
        }

        [Fact]
        public void Should_leave_roles_alone_When_a_policy_has_none_in_the_answer()
        {
            // Given
            var item = Json.Object("{ name: 'Editors', _syncId: 'pol' }");

            // When
            var result = ItemNormalizer.MapRelations(SystemCollections.Policies, item, NoMaps);

            // Then
            result.ShouldBeJson("{ name: 'Editors', _syncId: 'pol' }");
        }
    }

    public sealed class TheToDumpForm
    {
        [Fact]
        public void Should_give_what_pull_writes_When_normalising_a_target_item()
        {
            // Given
            var item = Json.Object("{ id: 'pa-1', dashboard: 'd-1', name: 'Visits', date_created: '2024-01-01T00:00:00.000Z', user_created: 'u1' }");

            // When
            var result = ItemNormalizer.ToDumpForm(SystemCollections.Panels, item, "panel-visits", (t, l) => t == "dashboards" && l == "d-1" ? "dash-kpi" : null);

            // Then
            result.ShouldBeJson("{ dashboard: 'dash-kpi', name: 'Visits', _syncId: 'panel-visits' }");
            item["id"]!.ToString().Should().Be("pa-1", "the live item is not changed");
        }
    }

    public sealed class TheIsDynamic
    {
        [Theory]
        [InlineData("{{ $trigger.flow }}", true)]
        [InlineData("  {{$last}}", true)]
        [InlineData("flow-{{ x }}", false)]
        [InlineData("a1b2c3d4", false)]
        public void Should_recognise_templates_When_given_a_text(string text, bool dynamic)
        {
            // When
            var result = ItemNormalizer.IsDynamic(new JValue(text));

            // Then
            result.Should().Be(dynamic);
        }

        [Fact]
        public void Should_not_be_dynamic_When_the_value_is_a_number()
        {
            // When
            var result = ItemNormalizer.IsDynamic(new JValue(12));

            // Then
            result.Should().BeFalse();
        }
    }
}
