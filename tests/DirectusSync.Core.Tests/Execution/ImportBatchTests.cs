using DirectusSync.Core.Diff;
using DirectusSync.Core.Execution;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Tests.Diff;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Execution;

/// <summary>Which updates one batch import (Directus 12.2+) carries, and how.</summary>
public sealed class ImportBatchTests
{
    [Fact]
    public void Should_send_each_changed_item_by_its_target_key_with_only_the_changed_fields_When_items_changed()
    {
        // Given
        var dump = new DumpBuilder()
            .Item("roles", "role-editors", "{ name: 'Editors (renamed)', icon: 'edit', parent: null }")
            .Item("permissions", "perm-read", "{ policy: 'pol-editing', collection: 'articles', action: 'read', fields: ['title'] }");
        var target = new LiveStateBuilder()
            .MappedItem("roles", "role-editors", "local-editors", "{ name: 'Editors', icon: 'edit', parent: null }")
            .MappedItem("policies", "pol-editing", "local-editing", "{ name: 'Editing', roles: [] }")
            .MappedItem("permissions", "perm-read", "12", "{ policy: 'local-editing', collection: 'articles', action: 'read', fields: ['*'] }");

        // When
        var batch = Build(dump, target);

        // Then
        Items(batch, "directus_roles").Should().ContainSingle().Which.Should().BeEquivalentTo(JObject.Parse("{ 'name': 'Editors (renamed)', 'id': 'local-editors' }"));
        Items(batch, "directus_permissions").Should().ContainSingle().Which.Should().BeEquivalentTo(JObject.Parse("{ 'fields': ['title'], 'id': 12 }"));
        batch.Taken.Should().HaveCount(2);
    }

    [Fact]
    public void Should_send_the_settings_without_a_key_When_the_singleton_changed()
    {
        // Given
        var dump = new DumpBuilder().Item("settings", Placeholders.Settings, "{ project_name: 'Acme' }");
        var target = new LiveStateBuilder().MappedItem("settings", Placeholders.Settings, "1", "{ project_name: 'Directus' }");

        // When
        var batch = Build(dump, target);

        // Then
        Items(batch, "directus_settings").Should().ContainSingle().Which.Should().BeEquivalentTo(JObject.Parse("{ 'project_name': 'Acme' }"));
    }

    [Fact]
    public void Should_write_relations_as_target_ids_When_an_update_points_at_another_item()
    {
        // Given
        var dump = new DumpBuilder()
            .Item("roles", "role-parent", "{ name: 'Parent', parent: null }")
            .Item("roles", "role-child", "{ name: 'Child', parent: 'role-parent' }");
        var target = new LiveStateBuilder()
            .MappedItem("roles", "role-parent", "local-parent", "{ name: 'Parent', parent: null }")
            .MappedItem("roles", "role-child", "local-child", "{ name: 'Child', parent: null }");

        // When
        var batch = Build(dump, target);

        // Then
        Items(batch, "directus_roles").Should().ContainSingle().Which["parent"]!.ToString().Should().Be("local-parent");
    }

    [Fact]
    public void Should_set_a_new_flow_s_first_operation_When_the_differ_deferred_it_and_both_exist_now()
    {
        // Given a plan whose creates already ran: the resolver knows the new ids
        var dump = new DumpBuilder()
            .Item("flows", "flow-notify", "{ name: 'Notify', operation: 'op-first' }")
            .Item("operations", "op-first", "{ key: 'first', flow: 'flow-notify', resolve: null, reject: null, options: {} }");
        var plan = Differ.Diff(dump, new LiveStateBuilder());
        var created = new Dictionary<(string, string), string> { [("flows", "flow-notify")] = "flow-notify", [("operations", "op-first")] = "new-op-id" };

        // When
        var batch = ImportBatch.Build(plan.Operations, (table, syncId) => created.GetValueOrDefault((table, syncId)));

        // Then
        batch.Taken.Should().ContainSingle().Which.IsDeferredRelation.Should().BeTrue();
        Items(batch, "directus_flows").Should().ContainSingle().Which.Should().BeEquivalentTo(JObject.Parse("{ 'operation': 'new-op-id', 'id': 'flow-notify' }"));
    }

    [Fact]
    public void Should_leave_operations_role_attachments_creates_and_deletes_to_REST_When_the_import_cannot_carry_them()
    {
        // Given
        var dump = new DumpBuilder()
            .Item("roles", "role-editors", "{ name: 'Editors', parent: null }")
            .Item("roles", "role-new", "{ name: 'New', parent: null }")
            .Item("policies", "pol-editing", "{ name: 'Editing', roles: [{ role: 'role-editors', sort: 1 }] }")
            .Item("operations", "op-first", "{ key: 'first', flow: null, resolve: null, reject: null, options: { message: 'new' } }");
        var target = new LiveStateBuilder()
            .MappedItem("roles", "role-editors", "local-editors", "{ name: 'Editors', parent: null }")
            .MappedItem("policies", "pol-editing", "local-editing", "{ name: 'Editing', roles: [] }")
            .MappedItem("operations", "op-first", "local-first", "{ key: 'first', flow: null, resolve: null, reject: null, options: { message: 'old' } }")
            .MappedItem("presets", "preset-gone", "7", "{ bookmark: 'Gone', role: null }");
        var plan = Differ.Diff(dump, target);

        // When
        var batch = Build(dump, target);

        // Then
        plan.Operations.Should().Contain(o => o is DeleteItem).And.Contain(o => o is CreateItem);
        batch.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Should_keep_every_update_of_a_collection_on_REST_When_one_of_them_changes_key_and_language()
    {
        // Given one translation moving to another key and language, and one only changing its value
        var dump = new DumpBuilder()
            .Item("translations", "t-moved", "{ key: 'b', language: 'de-DE', value: 'B' }")
            .Item("translations", "t-valued", "{ key: 'c', language: 'en-US', value: 'C (new)' }")
            .Item("roles", "role-editors", "{ name: 'Editors (renamed)', parent: null }");
        var target = new LiveStateBuilder()
            .MappedItem("translations", "t-moved", "local-moved", "{ key: 'a', language: 'en-US', value: 'B' }")
            .MappedItem("translations", "t-valued", "local-valued", "{ key: 'c', language: 'en-US', value: 'C' }")
            .MappedItem("roles", "role-editors", "local-editors", "{ name: 'Editors', parent: null }");

        // When
        var batch = Build(dump, target);

        // Then
        Items(batch, "directus_translations").Should().BeEmpty();
        batch.Taken.Should().ContainSingle().Which.Collection.Should().Be("roles");
    }

    private static ImportBatch Build(DumpBuilder dump, LiveStateBuilder target)
    {
        var live = target.Build();
        var plan = SyncDiffer.Diff(dump.Build(), live, Differ.Options());
        var resolver = new IdResolver(live, []);
        return ImportBatch.Build(plan.Operations, resolver.LocalIdOf);
    }

    private static List<JObject> Items(ImportBatch batch, string collection) =>
        batch.Body.OfType<JObject>().Where(e => e.Value<string>("collection") == collection)
            .SelectMany(e => e["items"]!.OfType<JObject>()).ToList();
}
