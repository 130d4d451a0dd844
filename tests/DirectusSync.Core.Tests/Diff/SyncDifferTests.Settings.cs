using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Tests.Diff;

public sealed partial class SyncDifferTests
{
    /// <summary>Settings: one row, read and patched in place, never created or deleted.</summary>
    public sealed class TheSettingsSingleton
    {
        [Fact]
        public void Should_map_the_only_row_When_the_dump_s_settings_has_no_map_and_no_placeholder_target()
        {
            // Given
            var dump = new DumpBuilder().Item("settings", Placeholders.Settings, "{ project_name: 'Acme' }");
            var target = new LiveStateBuilder().UnmappedItem("settings", "1", "{ project_name: 'Directus' }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal(
                $"map settings {Placeholders.Settings} to 1",
                $"update settings {Placeholders.Settings}: project_name");
            plan.Step<UpdateItem>("settings", Placeholders.Settings).Before.ShouldBeJson("{ project_name: 'Directus' }");
        }

        [Fact]
        public void Should_never_delete_the_settings_When_the_dump_has_none()
        {
            // Given
            var dump = new DumpBuilder();
            var target = new LiveStateBuilder().Sample("settings");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
            plan.Summary("settings").ToDelete.Should().Be(0);
        }

        [Fact]
        public void Should_ignore_environment_specific_fields_When_comparing_settings()
        {
            // Given
            var dump = new DumpBuilder().Item("settings", Placeholders.Settings, "{ project_name: 'Acme' }");
            var target = new LiveStateBuilder().MappedItem("settings", Placeholders.Settings, "1",
                "{ project_name: 'Acme', project_url: 'https://prod.example.com', project_id: 'abc', project_logo: 'file-1', public_foreground: 'file-2', public_background: null, public_favicon: 'file-3' }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
        }

        [Fact]
        public void Should_map_relations_to_roles_and_folders_When_comparing_settings()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("settings", Placeholders.Settings, "{ public_registration_role: 'role-member', storage_default_folder: 'f-uploads' }")
                .Item("roles", "role-member", "{ name: 'Member' }")
                .Item("folders", "f-uploads", "{ name: 'Uploads', parent: null }");
            var target = new LiveStateBuilder()
                .MappedItem("settings", Placeholders.Settings, "1", "{ public_registration_role: 'r-9', storage_default_folder: 'f-uploads' }")
                .MappedItem("roles", "role-member", "r-9", "{ name: 'Member' }")
                .MappedItem("folders", "f-uploads", "f-uploads", "{ name: 'Uploads', parent: null }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().BeEmpty();
        }

        [Fact]
        public void Should_update_the_settings_after_the_role_it_points_at_is_created_When_the_role_is_new()
        {
            // Given
            var dump = new DumpBuilder()
                .Item("settings", Placeholders.Settings, "{ public_registration_role: 'role-member' }")
                .Item("roles", "role-member", "{ name: 'Member' }");
            var target = new LiveStateBuilder().MappedItem("settings", Placeholders.Settings, "1", "{ public_registration_role: null }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal(
                "create roles role-member",
                $"update settings {Placeholders.Settings}: public_registration_role");
        }
    }
}
