using DirectusSync.Cake.Reporting;
using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cake.Tests.Reporting;

/// <summary>A plan described for people.</summary>
public sealed class DriftDescriptionTests
{
    [Fact]
    public void Should_list_schema_counts_collections_and_steps_When_the_plan_has_changes()
    {
        // Given
        var plan = new SyncPlan(
            new SchemaChanges("hash", JObject.Parse("{ \"collections\": [], \"fields\": [{}, {}], \"relations\": [] }")),
            [new UpdateItem("roles", "r1", "1", new JObject(), new JObject()), new DeleteItem("flows", "f1", "2", new JObject())],
            [new CollectionSummary("roles", 0, 0, 1, 0, 3), new CollectionSummary("flows", 0, 0, 0, 1, 0), new CollectionSummary("presets", 0, 0, 0, 0, 2)]);

        // When
        var lines = DriftDescription.Describe(plan, maxOperations: 1);

        // Then
        lines.Should().Equal(
            "schema: 0 collection(s), 2 field(s), 0 relation(s) differ",
            "roles: 0 to create, 1 to update, 0 to delete, 0 dangling id map(s)",
            "flows: 0 to create, 0 to update, 1 to delete, 0 dangling id map(s)",
            "  update roles r1",
            "  … and 1 more step(s)");
    }
}
