using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Plan;

public sealed class SyncPlanTests
{
    public sealed class TheHasDriftProperty
    {
        [Fact]
        public void Should_not_be_drift_When_only_id_maps_would_change()
        {
            // Given a plan that only removes a dangling map and adopts a default row
            var plan = new SyncPlan(null, [new DeleteIdMap("folders", "gone", "1"), new CreateIdMap("roles", "_sync_default_admin_role", "r1", "default")], []);

            // When
            var drift = plan.HasDrift;

            // Then
            drift.Should().BeFalse();
            plan.IsEmpty.Should().BeFalse("a push would still tidy the id maps");
        }

        [Fact]
        public void Should_be_drift_When_an_item_or_the_schema_would_change()
        {
            // Given
            var itemPlan = new SyncPlan(null, [new UpdateItem("roles", "s", "1", new JObject { ["name"] = "x" }, new JObject())], []);
            var schemaPlan = new SyncPlan(new SchemaChanges("h", new JObject { ["fields"] = new JArray(new JObject()) }), [], []);

            // Then
            itemPlan.HasDrift.Should().BeTrue();
            schemaPlan.HasDrift.Should().BeTrue();
        }
    }
}
