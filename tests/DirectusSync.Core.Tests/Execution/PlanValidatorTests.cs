using DirectusSync.Core.Execution;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Tests.Diff;
using DirectusSync.Core.Diff;

namespace DirectusSync.Core.Tests.Execution;

public sealed class PlanValidatorTests
{
    private static readonly string CollectionsFolder = Path.Combine("directus-config", "collections");

    [Fact]
    public void Should_name_the_file_item_field_and_value_When_a_relation_resolves_nowhere()
    {
        // Given
        var dump = new DumpBuilder().Item("folders", "f-child", "{ name: 'Child', parent: 'f-missing' }");
        var target = new LiveStateBuilder();

        // When
        var act = () => Validate(dump, target);

        // Then
        var problem = act.Should().Throw<PlanValidationException>()
            .WithMessage("The dump cannot be pushed; nothing was written:*")
            .Which.Problems.Should().ContainSingle().Subject;
        problem.Should().Be($"{Path.Combine(CollectionsFolder, "folders.json")}: item f-child, field parent: 'f-missing' is not a folders sync id in the dump nor on the target");
    }

    [Fact]
    public void Should_list_every_problem_When_several_relations_resolve_nowhere()
    {
        // Given
        var dump = new DumpBuilder()
            .Item("operations", "op-a", "{ key: 'a', flow: 'flow-missing', resolve: null, options: { flow: 'flow-gone' } }")
            .Item("policies", "pol-editors", "{ name: 'Editors', roles: [{ role: 'role-missing', sort: 1 }] }");
        var target = new LiveStateBuilder();

        // When
        var act = () => Validate(dump, target);

        // Then
        act.Should().Throw<PlanValidationException>().Which.Problems.Should().SatisfyRespectively(
            p => p.Should().Contain("policies.json: item pol-editors, field roles[].role: 'role-missing' is not a roles sync id"),
            p => p.Should().Contain("operations.json: item op-a, field flow: 'flow-missing' is not a flows sync id"),
            p => p.Should().Contain("operations.json: item op-a, field options.flow: 'flow-gone' is not a flows sync id"));
    }

    [Fact]
    public void Should_check_the_changes_of_updates_When_an_existing_item_points_somewhere_new()
    {
        // Given
        var dump = new DumpBuilder().Item("presets", "preset-drafts", "{ bookmark: 'Drafts', role: 'role-missing' }");
        var target = new LiveStateBuilder().MappedItem("presets", "preset-drafts", "3", "{ bookmark: 'Drafts', role: null }");

        // When
        var act = () => Validate(dump, target);

        // Then
        act.Should().Throw<PlanValidationException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Contain("presets.json: item preset-drafts, field role: 'role-missing'");
    }

    [Fact]
    public void Should_pass_When_the_relation_resolves_through_a_map_on_the_target()
    {
        // Given
        var dump = new DumpBuilder().Item("presets", "preset-drafts", "{ bookmark: 'Drafts', role: 'role-editor' }");
        var target = new LiveStateBuilder().Map("roles", "role-editor", "r-7").UnmappedItem("roles", "r-7", "{ name: 'Editor' }");

        // When
        var act = () => Validate(dump, target, Differ.Options(only: ["presets"]));

        // Then
        act.Should().NotThrow();
    }

    [Fact]
    public void Should_pass_When_the_relation_names_a_default_row_through_its_placeholder()
    {
        // Given
        var dump = new DumpBuilder()
            .Item("settings", Placeholders.Settings, $"{{ public_registration_role: '{Placeholders.AdminRole}' }}")
            .Item("permissions", "perm-public-read", $"{{ policy: '{Placeholders.PublicPolicy}', collection: 'articles', action: 'read' }}");
        var target = new LiveStateBuilder()
            .Defaults(adminRole: "r-admin", publicPolicy: "p-public", settings: "1")
            .UnmappedItem("settings", "1", "{ public_registration_role: null }");

        // When
        var act = () => Validate(dump, target, Differ.Options(only: ["settings", "permissions"]));

        // Then
        act.Should().NotThrow();
    }

    [Fact]
    public void Should_fail_When_the_placeholder_has_no_default_row_on_the_target()
    {
        // Given
        var dump = new DumpBuilder().Item("presets", "preset-admin", $"{{ bookmark: 'Mine', role: '{Placeholders.AdminRole}' }}");
        var target = new LiveStateBuilder();

        // When
        var act = () => Validate(dump, target, Differ.Options(only: ["presets"]));

        // Then
        act.Should().Throw<PlanValidationException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Contain($"'{Placeholders.AdminRole}' is not a roles sync id");
    }

    [Fact]
    public void Should_pass_When_the_relation_names_an_item_the_plan_creates()
    {
        // Given
        var dump = new DumpBuilder()
            .Item("flows", "flow-notify", "{ name: 'Notify', operation: 'op-first' }")
            .Item("operations", "op-first", "{ key: 'first', flow: 'flow-notify', resolve: 'op-second', options: { flow: 'flow-notify' } }")
            .Item("operations", "op-second", "{ key: 'second', flow: 'flow-notify', resolve: null }");

        // When
        var act = () => Validate(dump, new LiveStateBuilder());

        // Then
        act.Should().NotThrow();
    }

    [Fact]
    public void Should_pass_When_the_relation_names_an_item_the_plan_adopts()
    {
        // Given
        var dump = new DumpBuilder()
            .Item("folders", "f-existing", "{ name: 'Existing', parent: null }")
            .Item("folders", "f-child", "{ name: 'Child', parent: 'f-existing' }");
        var target = new LiveStateBuilder().UnmappedItem("folders", "f-existing", "{ name: 'Existing', parent: null }");

        // When
        var plan = Differ.Diff(dump, target);
        var act = () => PlanValidator.Validate(plan, target.Build(), CollectionsFolder);

        // Then
        plan.Steps().Should().Contain("map folders f-existing to f-existing");
        act.Should().NotThrow();
    }

    [Fact]
    public void Should_fail_When_the_only_map_for_the_relation_dangles()
    {
        // Given
        var dump = new DumpBuilder().Item("presets", "preset-drafts", "{ bookmark: 'Drafts', role: 'role-gone' }");
        var target = new LiveStateBuilder().Map("roles", "role-gone", "r-deleted");

        // When
        var act = () => Validate(dump, target);

        // Then
        act.Should().Throw<PlanValidationException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Contain("'role-gone' is not a roles sync id");
    }

    [Fact]
    public void Should_pass_When_a_dangling_item_is_created_again_by_the_plan()
    {
        // Given
        var dump = new DumpBuilder()
            .Item("roles", "role-gone", "{ name: 'Back' }")
            .Item("presets", "preset-drafts", "{ bookmark: 'Drafts', role: 'role-gone' }");
        var target = new LiveStateBuilder().Map("roles", "role-gone", "r-deleted");

        // When
        var act = () => Validate(dump, target);

        // Then
        act.Should().NotThrow();
    }

    [Fact]
    public void Should_skip_templates_When_an_operation_triggers_a_dynamic_flow()
    {
        // Given
        var dump = new DumpBuilder().Item("operations", "op-dyn", "{ key: 'dyn', options: { flow: '{{ $trigger.flow }}' } }");

        // When
        var act = () => Validate(dump, new LiveStateBuilder());

        // Then
        act.Should().NotThrow();
    }

    [Fact]
    public void Should_pass_When_the_plan_only_maps_and_deletes()
    {
        // Given
        var target = new LiveStateBuilder()
            .Defaults(adminRole: "r-admin")
            .MappedItem("roles", "role-old", "r-2", "{ name: 'Old', parent: 'r-missing' }")
            .Map("folders", "f-lost", "f-lost");

        // When
        var act = () => Validate(new DumpBuilder(), target);

        // Then
        act.Should().NotThrow("deleted items are not checked: their relations are never written");
    }

    [Fact]
    public void Should_check_the_deferred_relation_When_a_flow_s_first_operation_is_linked_later()
    {
        // Given
        var dump = new DumpBuilder()
            .Item("flows", "flow-notify", "{ name: 'Notify', operation: 'op-first' }")
            .Item("operations", "op-first", "{ key: 'first', flow: 'flow-notify' }");
        var plan = Differ.Diff(dump, new LiveStateBuilder());
        var withoutOperation = plan.WithOperations(plan.Operations.Where(o => o is not CreateItem { Collection: "operations" }).ToList());

        // When
        var act = () => PlanValidator.Validate(withoutOperation, new LiveStateBuilder().Build(), CollectionsFolder);

        // Then
        act.Should().Throw<PlanValidationException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Contain("flows.json: item flow-notify, field operation: 'op-first'");
    }

    private static void Validate(DumpBuilder dump, LiveStateBuilder target, Core.Diff.DiffOptions? options = null)
    {
        var live = target.Build();
        var plan = Core.Diff.SyncDiffer.Diff(dump.Build(), live, options ?? Differ.Options());
        PlanValidator.Validate(plan, live, CollectionsFolder);
    }
}
