using DirectusSync.Core.Model;

namespace DirectusSync.Core.Tests.Model;

/// <summary>The declarations checked against the reference's per-collection table (spec §4.1–§4.2).</summary>
public sealed class SystemCollectionsTests
{
    public static TheoryData<string, string[], string[]> Declarations => new()
    {
        { "settings", ["project_logo", "public_foreground", "public_background", "public_favicon", "project_url", "project_id"], ["public_registration_role→roles", "storage_default_folder→folders"] },
        { "folders", [], ["parent→folders"] },
        { "translations", [], [] },
        { "flows", ["date_created", "user_created", "operations"], ["operation→operations"] },
        { "operations", ["date_created", "user_created"], ["flow→flows", "resolve→operations", "reject→operations", "options.flow→flows"] },
        { "roles", ["users", "children", "policies"], ["parent→roles"] },
        { "policies", ["users", "permissions"], ["roles[].role→roles"] },
        { "permissions", [], ["policy→policies"] },
        { "dashboards", ["date_created", "user_created", "panels"], [] },
        { "panels", ["date_created", "user_created"], ["dashboard→dashboards"] },
        { "presets", ["user"], ["role→roles"] },
    };

    [Fact]
    public void Should_list_the_eleven_collections_in_the_reference_order_When_asked_for_all()
    {
        // When
        var names = SystemCollections.Names;

        // Then
        names.Should().Equal("settings", "folders", "translations", "flows", "operations", "roles", "policies", "permissions", "dashboards", "panels", "presets");
        SystemCollections.All.Select(c => c.Name).Should().Equal(names);
    }

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Should_declare_the_reference_s_ignored_fields_and_relations_When_describing_a_collection(string name, string[] ignored, string[] relations)
    {
        // When
        var definition = SystemCollections.Get(name);

        // Then
        definition.IgnoredFields.Should().BeEquivalentTo(ignored);
        definition.Relations.Select(r => $"{r.Text}→{r.TargetCollection}").Should().Equal(relations);
    }

    [Fact]
    public void Should_name_an_existing_collection_When_any_relation_points_somewhere()
    {
        // When
        var targets = SystemCollections.All.SelectMany(c => c.Relations).Select(r => r.TargetCollection).Distinct();

        // Then
        targets.Should().OnlyContain(t => SystemCollections.Find(t) != null);
    }

    [Fact]
    public void Should_always_preserve_ids_of_flows_and_folders_only_When_creating()
    {
        // When
        var always = SystemCollections.All.Where(c => c.AlwaysPreservesIds).Select(c => c.Name);

        // Then
        always.Should().Equal("folders", "flows");
    }

    [Fact]
    public void Should_accept_the_reference_s_six_collections_When_preserve_ids_is_given()
    {
        // When
        var may = SystemCollections.All.Where(c => c.MayPreserveIds).Select(c => c.Name);

        // Then
        may.Should().Equal("translations", "operations", "roles", "policies", "dashboards", "panels");
    }

    [Fact]
    public void Should_have_integer_ids_for_permissions_and_presets_only_When_describing_keys()
    {
        // When
        var integers = SystemCollections.All.Where(c => c.HasIntegerIds).Select(c => c.Name);

        // Then
        integers.Should().Equal("permissions", "presets");
        SystemCollections.All.Where(c => c.IsSingleton).Select(c => c.Name).Should().Equal("settings");
    }

    [Theory]
    [InlineData("directus_permissions", true)]
    [InlineData("directus_presets", true)]
    [InlineData("directus_settings", true)]
    [InlineData("directus_activity", true)]
    [InlineData("directus_revisions", true)]
    [InlineData("directus_notifications", true)]
    [InlineData("directus_roles", false)]
    [InlineData("directus_policies", false)]
    [InlineData("directus_users", false)]
    [InlineData("directus_files", false)]
    [InlineData("permissions", false)]
    public void Should_tell_the_directus_tables_keyed_by_an_integer_When_given_a_table_name(string table, bool integer)
    {
        // When
        var result = SystemCollections.HasIntegerKey(table);

        // Then
        result.Should().Be(integer);
    }

    [Fact]
    public void Should_order_operations_by_key_and_permissions_by_policy_collection_action_When_writing_files()
    {
        // When
        var orders = SystemCollections.All.ToDictionary(c => c.Name, c => c.Order);

        // Then
        orders["operations"].Should().Be(ItemOrder.ByKey);
        orders["permissions"].Should().Be(ItemOrder.ByPolicyCollectionAction);
        orders.Where(o => o.Key is not ("operations" or "permissions")).Should().OnlyContain(o => o.Value == ItemOrder.BySyncId);
    }

    [Fact]
    public void Should_find_a_collection_by_short_name_When_it_is_tracked()
    {
        // When
        var found = SystemCollections.Find("roles");

        // Then
        found.Should().BeSameAs(SystemCollections.Roles);
        SystemCollections.Get("roles").Should().BeSameAs(SystemCollections.Roles);
    }

    [Theory]
    [InlineData("directus_roles")]
    [InlineData("Roles")]
    [InlineData("webhooks")]
    public void Should_find_nothing_When_the_name_is_not_a_tracked_short_name(string name)
    {
        // When
        var found = SystemCollections.Find(name);

        // Then
        found.Should().BeNull();
    }

    [Fact]
    public void Should_list_the_valid_names_When_getting_an_unknown_collection()
    {
        // When
        var act = () => SystemCollections.Get("webhooks");

        // Then
        act.Should().Throw<ArgumentException>()
            .WithMessage("'webhooks' is not a tracked collection. Valid names: settings, folders, translations, flows, operations, roles, policies, permissions, dashboards, panels, presets.*");
    }
}
