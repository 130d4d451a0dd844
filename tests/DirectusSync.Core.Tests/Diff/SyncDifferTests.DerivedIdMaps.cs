using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Tests.Diff;

public sealed partial class SyncDifferTests
{
    /// <summary>Without directus-extension-sync: the maps are derived from the items, none is written.</summary>
    public sealed class TheDerivedIdMaps
    {
        [Fact]
        public void Should_plan_no_id_map_row_When_the_maps_are_not_stored()
        {
            // Given a dump naming the default admin role, a target that holds it unmapped, and a new role to create
            var dump = new DumpBuilder()
                .Item("roles", Placeholders.AdminRole, "{ name: 'Administrator' }")
                .Item("roles", "8f1d4c2a-5b6e-4f70-9a1b-2c3d4e5f6a7b", "{ name: 'Editor' }");
            var target = new LiveStateBuilder().Defaults(adminRole: "admin-role-id")
                .UnmappedItem("roles", "admin-role-id", "{ name: 'Administrator' }");
            var options = Differ.Options(only: ["roles"]) with { StoresIdMaps = false };

            // When
            var plan = Differ.Diff(dump, target, options);

            // Then the create stays, the map rows (the placeholder's, the create's own) are not planned
            plan.Operations.Should().NotContain(o => o is CreateIdMap || o is DeleteIdMap);
            plan.Steps().Should().Equal("create roles 8f1d4c2a-5b6e-4f70-9a1b-2c3d4e5f6a7b");
        }

        [Fact]
        public void Should_plan_the_placeholder_map_When_the_maps_are_stored()
        {
            // Given the same dump and target, in extension mode
            var dump = new DumpBuilder().Item("roles", Placeholders.AdminRole, "{ name: 'Administrator' }");
            var target = new LiveStateBuilder().Defaults(adminRole: "admin-role-id")
                .UnmappedItem("roles", "admin-role-id", "{ name: 'Administrator' }");

            // When
            var plan = Differ.Diff(dump, target, Differ.Options(only: ["roles"]));

            // Then
            plan.Operations.Should().ContainSingle(o => o is CreateIdMap);
        }
    }
}
