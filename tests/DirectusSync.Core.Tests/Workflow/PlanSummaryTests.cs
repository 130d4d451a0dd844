using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class PlanSummaryTests
{
    private static readonly JObject SchemaDiff = JObject.Parse("""
        {
          "collections": [ { "collection": "articles", "diff": [ { "kind": "N", "rhs": { "collection": "articles" } } ] } ],
          "fields": [
            { "collection": "articles", "field": "title", "diff": [ { "kind": "E", "path": ["meta", "note"], "lhs": "old note", "rhs": "new note" } ] },
            { "collection": "articles", "field": "legacy", "diff": [ { "kind": "D", "lhs": { "field": "legacy" } } ] }
          ],
          "relations": []
        }
        """);

    private static SyncPlan Plan(params PlanOperation[] operations) => new(new SchemaChanges("h", SchemaDiff), operations, []);

    public sealed class TheOf
    {
        [Fact]
        public void Should_count_steps_per_collection_When_the_plan_has_several_kinds()
        {
            // Given
            var plan = Plan(
                new CreateItem("roles", "r-1", new JObject { ["name"] = "A" }, false),
                new UpdateItem("roles", "r-2", "2", new JObject { ["icon"] = "x" }, new JObject()),
                new DeleteItem("roles", "r-3", "3", new JObject()),
                new CreateIdMap("policies", "p-1", "9", "default"),
                new DeleteIdMap("flows", "f-1", "8"));

            // When
            var summary = PlanSummary.Of(plan);

            // Then
            summary.Collections.Should().Equal(
                new CollectionChanges("roles", 1, 1, 1, 0, 0),
                new CollectionChanges("policies", 0, 0, 0, 1, 0),
                new CollectionChanges("flows", 0, 0, 0, 0, 1));
            summary.ChangeCount.Should().Be(8);
            summary.HasDrift.Should().BeTrue();
            summary.ToString().Should().Be("schema: 3 change(s) (1 collection(s), 2 field(s), 0 relation(s)); roles: 1 to create, 1 to update, 1 to delete; policies: 1 to map; flows: 1 dangling map(s) to remove");
        }

        [Fact]
        public void Should_not_be_drift_but_not_empty_When_only_id_maps_change()
        {
            // Given
            var summary = PlanSummary.Of(new SyncPlan(null, [new DeleteIdMap("flows", "f-1", "8")], []));

            // Then
            summary.HasDrift.Should().BeFalse();
            summary.IsEmpty.Should().BeFalse();
        }

        [Fact]
        public void Should_name_schema_entries_and_changed_paths_but_no_values_When_the_schema_differs()
        {
            // When
            var summary = PlanSummary.Of(Plan());

            // Then
            summary.SchemaEntries.Select(e => e.ToString()).Should().Equal(
                "collection articles: new",
                "field articles.title: changed (meta.note)",
                "field articles.legacy: deleted");
        }
    }

    public sealed class TheLines
    {
        [Fact]
        public void Should_name_changes_without_values_and_cut_the_step_list_When_values_are_hidden()
        {
            // Given
            var plan = Plan(
                new UpdateItem("settings", "s", "1", new JObject { ["project_name"] = "Top secret name" }, new JObject { ["project_name"] = "Old" }),
                new CreateItem("roles", "r-1", new JObject { ["name"] = "A" }, false));

            // When
            var lines = PlanSummary.Of(plan).Lines(showValues: false, maxSteps: 1);

            // Then
            lines.Should().Contain("  field articles.title: changed (meta.note)")
                .And.Contain("settings: 1 to update")
                .And.Contain("  update settings s (id: 1): project_name")
                .And.Contain("  … and 1 more step(s)");
            string.Join('\n', lines).Should().NotContain("Top secret name").And.NotContain("new note");
        }
    }
}
