using DirectusSync.Core.Plan;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;
using static DirectusSync.Core.Tests.Workflow.PlanBuilder;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class PlanFingerprintTests
{
    [Fact]
    public void Should_be_equal_When_two_plans_hold_the_same_steps_in_another_order_and_with_another_schema_hash()
    {
        // Given
        var first = PlanOf([Update("r1", "A"), Update("r2", "B")], Schema("hash-1", fields: [EditedField("pages", "title")]));
        var second = PlanOf([Update("r2", "B"), Update("r1", "A")], Schema("hash-2", fields: [EditedField("pages", "title")]));

        // When
        var equal = PlanFingerprint.Of(first).Equals(PlanFingerprint.Of(second));

        // Then
        equal.Should().BeTrue();
    }

    [Fact]
    public void Should_differ_When_an_update_writes_another_value_to_the_same_item()
    {
        // Given more than ten steps with only the last one different (the old text comparison saw the first ten)
        var steps = Enumerable.Range(0, 11).Select(i => Update($"r{i}", "A")).ToList();
        var first = PlanOf(steps);
        var second = PlanOf([.. steps.Take(10), Update("r10", "B")]);

        // When
        var equal = PlanFingerprint.Of(first).Equals(PlanFingerprint.Of(second));

        // Then
        equal.Should().BeFalse();
    }

    private static UpdateItem Update(string syncId, string name) =>
        new("roles", syncId, "1", new JObject { ["name"] = name }, new JObject { ["name"] = "old" });
}
