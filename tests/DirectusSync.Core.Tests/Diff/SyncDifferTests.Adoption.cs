using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Tests.Diff;

public sealed partial class SyncDifferTests
{
    /// <summary>
    /// Integer-keyed items (presets, permissions) left unmapped by a push interrupted between their create and
    /// their id map are adopted by the re-run, not created twice.
    /// </summary>
    public sealed class TheUnmappedIntegerItems
    {
        private const string Preset = "{ bookmark: 'Drafts', role: null, collection: 'articles', layout: 'tabular', filter: null }";

        [Fact]
        public void Should_map_the_live_item_instead_of_creating_it_When_an_unmapped_preset_has_the_same_content()
        {
            // Given a dump preset, and the target holding an unmapped preset with that content (created, never mapped)
            var dump = new DumpBuilder().Item("presets", "sync-preset-drafts", Preset);
            var target = new LiveStateBuilder().UnmappedItem("presets", "17", Preset);

            // When
            var plan = Differ.Diff(dump, target);

            // Then the live item is adopted: a map, no create, nothing else
            plan.Steps().Should().Equal("map presets sync-preset-drafts to 17");
            plan.Summary("presets").Should().Be(new CollectionSummary("presets", 0, 0, 0, 0, Unchanged: 1));
            plan.HasDrift.Should().BeFalse();
        }

        [Fact]
        public void Should_create_the_preset_When_the_unmapped_live_preset_differs_in_a_field()
        {
            // Given an unmapped preset with another layout
            var dump = new DumpBuilder().Item("presets", "sync-preset-drafts", Preset);
            var target = new LiveStateBuilder().UnmappedItem("presets", "17", Preset.Replace("tabular", "cards", StringComparison.Ordinal));

            // When
            var plan = Differ.Diff(dump, target);

            // Then it is not ours: create as before
            plan.Steps().Should().Equal("create presets sync-preset-drafts");
        }

        [Fact]
        public void Should_adopt_each_live_item_once_in_id_order_When_several_identical_items_are_wanted()
        {
            // Given two identical dump permissions, and three identical unmapped live ones
            const string read = "{ policy: null, collection: 'articles', action: 'read', permissions: {}, validation: {}, presets: null, fields: ['*'] }";
            var dump = new DumpBuilder().Item("permissions", "p-1", read).Item("permissions", "p-2", read);
            var target = new LiveStateBuilder()
                .UnmappedItem("permissions", "31", read)
                .UnmappedItem("permissions", "30", read)
                .UnmappedItem("permissions", "32", read);

            // When
            var plan = Differ.Diff(dump, target);

            // Then the two oldest are adopted, one each; the third is left alone (never deleted: it is not tracked)
            plan.Steps().Should().Equal("map permissions p-1 to 30", "map permissions p-2 to 31");
        }

        [Fact]
        public void Should_not_adopt_a_mapped_item_When_its_content_equals_a_new_item()
        {
            // Given a live preset tracked under another sync id, with the content of a new dump preset
            var dump = new DumpBuilder().Item("presets", "other", Preset).Item("presets", "new", Preset);
            var target = new LiveStateBuilder().MappedItem("presets", "other", "17", Preset);

            // When
            var plan = Differ.Diff(dump, target);

            // Then the new one is created
            plan.Steps().Should().Equal("create presets new");
        }

        [Fact]
        public void Should_compare_relations_by_sync_id_When_matching_an_unmapped_preset()
        {
            // Given a role preset: the dump names the role's sync id, the live item the role's local id
            var dump = new DumpBuilder()
                .Item("roles", "sync-role-editor", "{ name: 'Editor', icon: 'edit', description: null, parent: null }")
                .Item("presets", "sync-preset-editor", Preset.Replace("role: null", "role: 'sync-role-editor'", StringComparison.Ordinal));
            var target = new LiveStateBuilder()
                .MappedItem("roles", "sync-role-editor", "role-local-1", "{ name: 'Editor', icon: 'edit', description: null, parent: null }")
                .UnmappedItem("presets", "17", Preset.Replace("role: null", "role: 'role-local-1'", StringComparison.Ordinal))
                .UnmappedItem("presets", "18", Preset.Replace("role: null", "role: 'role-local-2'", StringComparison.Ordinal));

            // When
            var plan = Differ.Diff(dump, target);

            // Then the preset of that role is adopted
            plan.Steps().Should().Equal("map presets sync-preset-editor to 17");
        }

        [Fact]
        public void Should_adopt_nothing_When_the_collection_has_uuid_ids()
        {
            // Given an unmapped dashboard with a dump dashboard's content but another id
            const string dashboard = "{ name: 'Overview', icon: 'dashboard', note: null, color: null }";
            var dump = new DumpBuilder().Item("dashboards", "2a2d4a5e-8d2c-4c4e-9d52-4f1f0f4d9b11", dashboard);
            var target = new LiveStateBuilder().UnmappedItem("dashboards", "7c9e6679-7425-40de-944b-e07fc1f90ae7", dashboard);

            // When
            var plan = Differ.Diff(dump, target);

            // Then uuid items keep their own rule (the sync id is the id), and this one is created
            plan.Steps().Should().Equal("create dashboards 2a2d4a5e-8d2c-4c4e-9d52-4f1f0f4d9b11");
        }
    }
}
