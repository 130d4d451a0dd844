using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Tests.Diff;

public sealed class IdMapIndexTests
{
    private static readonly PlaceholderTargets NoDefaults = new(null, null, null, null);

    [Fact]
    public void Should_resolve_both_directions_When_a_map_exists()
    {
        // Given
        var index = new IdMapIndex("roles", [new IdMap(1, "roles", "role-editor", "r-7")], NoDefaults);

        // When
        var local = index.LocalIdOf("role-editor");
        var sync = index.SyncIdOf("r-7");

        // Then
        local.Should().Be("r-7");
        sync.Should().Be("role-editor");
        index.IsVirtual("role-editor").Should().BeFalse();
    }

    [Fact]
    public void Should_answer_null_When_nothing_is_mapped()
    {
        // Given
        var index = new IdMapIndex("roles", [], NoDefaults);

        // When
        var local = index.LocalIdOf("role-editor");
        var sync = index.SyncIdOf("r-7");

        // Then
        local.Should().BeNull();
        sync.Should().BeNull();
    }

    [Fact]
    public void Should_compare_ids_exactly_When_they_differ_only_by_case()
    {
        // Given
        var index = new IdMapIndex("roles", [new IdMap(1, "roles", "Role-A", "R-1")], NoDefaults);

        // When
        var local = index.LocalIdOf("role-a");

        // Then
        local.Should().BeNull();
    }

    [Fact]
    public void Should_fold_in_the_placeholder_as_a_virtual_map_When_the_default_row_has_no_map()
    {
        // Given
        var defaults = new PlaceholderTargets("r-admin", "p-admin", "p-public", "1");

        // When
        var roles = new IdMapIndex("roles", [], defaults);
        var policies = new IdMapIndex("policies", [], defaults);

        // Then
        roles.Pairs.Should().BeEquivalentTo([(Placeholders.AdminRole, "r-admin")]);
        roles.IsVirtual(Placeholders.AdminRole).Should().BeTrue();
        roles.SyncIdOf("r-admin").Should().Be(Placeholders.AdminRole);
        policies.Pairs.Should().BeEquivalentTo([(Placeholders.AdminPolicy, "p-admin"), (Placeholders.PublicPolicy, "p-public")]);
    }

    [Fact]
    public void Should_keep_the_real_map_When_the_placeholder_is_already_mapped()
    {
        // Given
        var defaults = new PlaceholderTargets("r-admin-now", null, null, null);

        // When
        var index = new IdMapIndex("roles", [new IdMap(1, "roles", Placeholders.AdminRole, "r-admin-before")], defaults);

        // Then
        index.LocalIdOf(Placeholders.AdminRole).Should().Be("r-admin-before");
        index.IsVirtual(Placeholders.AdminRole).Should().BeFalse();
        index.SyncIdOf("r-admin-now").Should().BeNull();
    }

    [Fact]
    public void Should_not_fold_in_the_placeholder_When_the_default_row_is_mapped_to_another_sync_id()
    {
        // Given
        var defaults = new PlaceholderTargets("r-admin", null, null, null);

        // When
        var index = new IdMapIndex("roles", [new IdMap(1, "roles", "role-admin", "r-admin")], defaults);

        // Then
        index.LocalIdOf(Placeholders.AdminRole).Should().BeNull();
        index.SyncIdOf("r-admin").Should().Be("role-admin");
    }

    [Fact]
    public void Should_only_fold_in_its_own_table_s_placeholders_When_indexing_a_table()
    {
        // Given
        var defaults = new PlaceholderTargets("r-admin", "p-admin", "p-public", "1");

        // When
        var folders = new IdMapIndex("folders", [], defaults);
        var settings = new IdMapIndex("settings", [], defaults);

        // Then
        folders.Pairs.Should().BeEmpty();
        settings.Pairs.Should().BeEquivalentTo([(Placeholders.Settings, "1")]);
        settings.Table.Should().Be("settings");
    }
}
