using DirectusSync.Core.Plan;
using DirectusSync.MSBuild.Reporting;
using Newtonsoft.Json.Linq;

namespace DirectusSync.MSBuild.Tests.Reporting;

public sealed class DriftSummaryTests
{
    public sealed class TheOfMethod
    {
        [Fact]
        public void Should_report_no_drift_When_the_plan_is_empty()
        {
            // When
            var summary = DriftSummary.Of(Plans.Empty);

            // Then
            summary.HasDrift.Should().BeFalse();
            summary.ChangeCount.Should().Be(0);
            summary.ToString().Should().Be("nothing");
        }

        [Fact]
        public void Should_count_every_kind_of_step_per_collection_When_the_plan_has_steps()
        {
            // Given
            var plan = Plans.Of(
                Plans.Create("roles", "r1"),
                Plans.Update("roles", "r2", new JObject { ["name"] = "x" }),
                new CreateIdMap("policies", "_sync_default_admin_policy", "p1", "default"),
                new DeleteIdMap("flows", "f1", "gone"),
                Plans.Delete("roles", "r3"));

            // When
            var summary = DriftSummary.Of(plan);

            // Then
            summary.ChangeCount.Should().Be(5);
            summary.Collections.Should().BeEquivalentTo(new[]
            {
                new CollectionChanges("roles", 1, 1, 1, 0, 0),
                new CollectionChanges("policies", 0, 0, 0, 1, 0),
                new CollectionChanges("flows", 0, 0, 0, 0, 1),
            }, o => o.WithStrictOrdering());
            summary.ToString().Should().Be("roles: 1 to create, 1 to update, 1 to delete; policies: 1 to map; flows: 1 dangling map(s) to remove");
        }

        [Fact]
        public void Should_report_no_drift_but_not_empty_When_the_plan_only_tidies_id_maps()
        {
            // Given a dump pulled a moment ago: only a default row to map and a dangling map to remove
            var plan = Plans.Of(
                new CreateIdMap("policies", "_sync_default_admin_policy", "p1", "default"),
                new DeleteIdMap("flows", "f1", "gone"));

            // When
            var summary = DriftSummary.Of(plan);

            // Then a gate passes, a push still tidies the maps
            summary.HasDrift.Should().BeFalse();
            summary.IsEmpty.Should().BeFalse();
            summary.ChangeCount.Should().Be(2);
        }

        [Fact]
        public void Should_count_the_schema_changes_When_the_schema_differs()
        {
            // When
            var summary = DriftSummary.Of(Plans.WithSchema(Plans.Schema()));

            // Then
            summary.HasDrift.Should().BeTrue();
            summary.ChangeCount.Should().Be(3);
            summary.ToString().Should().Be("schema: 3 change(s) (1 collection(s), 2 field(s), 0 relation(s))");
        }

        [Fact]
        public void Should_not_count_the_schema_When_its_diff_is_empty()
        {
            // Given
            var schema = new SchemaChanges("hash", JObject.Parse("""{ "collections": [], "fields": [], "relations": [] }"""));

            // When
            var summary = DriftSummary.Of(Plans.WithSchema(schema));

            // Then
            summary.HasDrift.Should().BeFalse();
            summary.Schema.Should().BeNull();
        }
    }
}
