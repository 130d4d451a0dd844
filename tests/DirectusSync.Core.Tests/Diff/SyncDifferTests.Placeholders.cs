using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Tests.Diff;

public sealed partial class SyncDifferTests
{
    /// <summary>The rows every instance is born with, met through their <c>_sync_default_*</c> ids.</summary>
    public sealed class ThePlaceholders
    {
        public static TheoryData<string, string, string> DefaultRows => new()
        {
            { "roles", Placeholders.AdminRole, "{ name: 'Administrator', icon: 'verified', description: null, parent: null }" },
            { "policies", Placeholders.AdminPolicy, "{ name: 'Administrator', admin_access: true, app_access: true }" },
            { "policies", Placeholders.PublicPolicy, "{ name: '$t:public_label', admin_access: false, app_access: false }" },
            { "settings", Placeholders.Settings, "{ project_name: 'Directus' }" },
        };

        [Theory]
        [MemberData(nameof(DefaultRows))]
        public void Should_adopt_the_default_row_through_a_map_When_the_target_has_no_map_for_the_placeholder(string collection, string placeholder, string json)
        {
            // Given
            var dump = new DumpBuilder().Item(collection, placeholder, json);
            var target = TargetWithDefaults().UnmappedItem(collection, LocalIdOf(placeholder), json);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal($"map {collection} {placeholder} to {LocalIdOf(placeholder)}");
            plan.Step<CreateIdMap>(collection, placeholder).Reason.Should().Contain("placeholder");
        }

        [Theory]
        [MemberData(nameof(DefaultRows))]
        public void Should_adopt_and_update_the_default_row_When_the_dump_s_version_differs(string collection, string placeholder, string json)
        {
            // Given
            var live = Json.Object(json);
            var field = live.Properties().First().Name;
            live[field] = "Renamed on the target";
            var dump = new DumpBuilder().Item(collection, placeholder, json);
            var target = TargetWithDefaults().UnmappedItem(collection, LocalIdOf(placeholder), Json.Compact(live));

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal(
                $"map {collection} {placeholder} to {LocalIdOf(placeholder)}",
                $"update {collection} {placeholder}: {field}");
            plan.Step<UpdateItem>(collection, placeholder).LocalId.Should().Be(LocalIdOf(placeholder), "the fresh target's own row is updated, not duplicated");
        }

        [Theory]
        [MemberData(nameof(DefaultRows))]
        public void Should_not_map_again_When_the_placeholder_map_already_exists(string collection, string placeholder, string json)
        {
            // Given
            var dump = new DumpBuilder().Item(collection, placeholder, json);
            var target = TargetWithDefaults().MappedItem(collection, placeholder, LocalIdOf(placeholder), json);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
        }

        [Theory]
        [MemberData(nameof(DefaultRows))]
        public void Should_never_delete_the_default_row_When_the_dump_does_not_have_it(string collection, string placeholder, string json)
        {
            // Given
            var dump = new DumpBuilder();
            var target = TargetWithDefaults().MappedItem(collection, placeholder, LocalIdOf(placeholder), json);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty("a dump without the admin role must not lock anyone out");
        }

        [Fact]
        public void Should_create_the_role_When_the_target_has_no_admin_role_to_adopt()
        {
            // Given
            var dump = new DumpBuilder().Item("roles", Placeholders.AdminRole, "{ name: 'Administrator' }");
            var target = new LiveStateBuilder();

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal($"create roles {Placeholders.AdminRole}");
        }

        [Fact]
        public void Should_compare_relations_to_default_rows_as_equal_When_they_are_written_as_placeholders()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("settings", Placeholders.Settings, $"{{ project_name: 'Acme', public_registration_role: '{Placeholders.AdminRole}' }}")
                .Item("presets", "admin-bookmark", $"{{ bookmark: 'Mine', role: '{Placeholders.AdminRole}' }}")
                .Item("permissions", "public-read", $"{{ policy: '{Placeholders.PublicPolicy}', collection: 'articles', action: 'read' }}");
            var target = TargetWithDefaults()
                .MappedItem("settings", Placeholders.Settings, "1", "{ project_name: 'Acme', public_registration_role: 'admin-role-id' }")
                .MappedItem("presets", "admin-bookmark", "4", "{ bookmark: 'Mine', role: 'admin-role-id' }")
                .MappedItem("permissions", "public-read", "9", "{ policy: 'public-policy-id', collection: 'articles', action: 'read' }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty("the target's default rows are known by their placeholders even before they are mapped");
        }

        [Fact]
        public void Should_not_adopt_through_the_placeholder_When_the_default_row_is_already_mapped_to_another_sync_id()
        {
            // Given
            var dump = new DumpBuilder().Item("roles", Placeholders.AdminRole, "{ name: 'Administrator' }");
            var target = TargetWithDefaults().MappedItem("roles", "role-pulled-before-placeholders", "admin-role-id", "{ name: 'Administrator' }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal($"create roles {Placeholders.AdminRole}");
        }

        public static TheoryData<string, string> CurrentDefaultRows => new()
        {
            { "roles", "admin-role-id" },
            { "policies", "admin-policy-id" },
            { "policies", "public-policy-id" },
        };

        [Theory]
        [MemberData(nameof(CurrentDefaultRows))]
        public void Should_never_delete_the_target_s_default_row_When_it_is_mapped_under_an_ordinary_sync_id(string collection, string localId)
        {
            // Given: e.g. the sync user was moved to a role that an earlier push created.
            var dump = new DumpBuilder();
            var target = TargetWithDefaults().MappedItem(collection, "mapped-before", localId, "{ name: 'Administrator' }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty("deleting the sync user's own role or policies would lock the push out half-way");
        }

        [Fact]
        public void Should_adopt_the_current_admin_role_When_the_placeholder_map_dangles()
        {
            // Given: the admin role the map pointed at was deleted; the sync user now has another admin role.
            var dump = new DumpBuilder().Item("roles", Placeholders.AdminRole, "{ name: 'Administrator' }");
            var target = TargetWithDefaults()
                .Map("roles", Placeholders.AdminRole, "deleted-admin-role-id")
                .UnmappedItem("roles", "admin-role-id", "{ name: 'Administrator' }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal(
                $"unmap roles {Placeholders.AdminRole}",
                $"map roles {Placeholders.AdminRole} to admin-role-id");
        }

        [Fact]
        public void Should_compare_relations_through_the_current_default_row_When_the_placeholder_map_dangles()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("roles", Placeholders.AdminRole, "{ name: 'Administrator' }")
                .Item("presets", "admin-bookmark", $"{{ bookmark: 'Mine', role: '{Placeholders.AdminRole}' }}");
            var target = TargetWithDefaults()
                .Map("roles", Placeholders.AdminRole, "deleted-admin-role-id")
                .UnmappedItem("roles", "admin-role-id", "{ name: 'Administrator' }")
                .MappedItem("presets", "admin-bookmark", "4", "{ bookmark: 'Mine', role: 'admin-role-id' }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal(
                $"unmap roles {Placeholders.AdminRole}",
                $"map roles {Placeholders.AdminRole} to admin-role-id");
        }

        private static LiveStateBuilder TargetWithDefaults() =>
            new LiveStateBuilder().Defaults(adminRole: "admin-role-id", adminPolicy: "admin-policy-id", publicPolicy: "public-policy-id", settings: "1");

        private static string LocalIdOf(string placeholder) => placeholder switch
        {
            Placeholders.AdminRole => "admin-role-id",
            Placeholders.AdminPolicy => "admin-policy-id",
            Placeholders.PublicPolicy => "public-policy-id",
            _ => "1",
        };
    }
}
