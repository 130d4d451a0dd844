using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;
using static DirectusSync.Core.Tests.Workflow.PlanBuilder;

namespace DirectusSync.Core.Tests.Workflow;

/// <summary>
/// The writes that make room for others (duplicate removals, link releases) and the reasons of split or nested
/// writes are reported, compared and filtered like every other step.
/// </summary>
public sealed class PlannedWritesReportingTests
{
    private static readonly DeleteDuplicatePermission Duplicate = new("permissions", "perm-new", "12", "articles", "read", "7",
        "remove duplicate permission 12 of policy pol-a: same collection and action (articles.read) as perm-new, which this push creates; the sync does not track it");

    private static ReleaseOperationLink Release(bool beforeUpdate, string holder = "op-a") =>
        new("operations", holder, "local-a", "resolve", "op-n", beforeUpdate, $"release resolve of operation {holder} before creating operation op-n");

    [Fact]
    public void Should_describe_the_step_with_its_id_and_reason_When_it_removes_a_duplicate_permission()
    {
        // When
        var text = PlanStep.Describe(Duplicate, showValues: false);

        // Then
        text.Should().Be("remove-duplicate permissions perm-new (id: 12) (" + Duplicate.Reason + ")");
    }

    [Fact]
    public void Should_describe_the_access_rows_When_a_policy_update_changes_them()
    {
        // Given
        var access = new PolicyAccessChanges(
            JArray.Parse("[{ role: 'r3', sort: 1 }]"), JArray.Parse("[{ role: 'r1', sort: 2, id: 14 }]"), JArray.Parse("[{ id: 15, role: 'r2' }]"));
        var update = new UpdateItem("policies", "pol", "local-pol", new JObject { ["roles"] = new JArray() }, new JObject()) { Access = access, Reason = access.Describe() };

        // When
        var text = PlanStep.Describe(update, showValues: false);

        // Then
        text.Should().Be("update policies pol (id: local-pol): roles (access rows: attach role r3; update role r1 (access row 14); detach role r2 (access row 15))");
    }

    [Fact]
    public void Should_count_them_as_other_writes_of_their_collection_When_summarising()
    {
        // When
        var summary = PlanSummary.Of(PlanOf([Duplicate, Release(beforeUpdate: false)]));

        // Then
        summary.Collections.Select(c => c.ToString()).Should().Equal(
            "permissions: 1 other write(s) (duplicates removed, links released)",
            "operations: 1 other write(s) (duplicates removed, links released)");
        summary.ChangeCount.Should().Be(2);
        summary.HasDrift.Should().BeTrue("they change items");
    }

    [Fact]
    public void Should_differ_When_one_plan_releases_another_link_than_the_other()
    {
        // When
        var equal = PlanFingerprint.Of(PlanOf([Release(false, "op-a")])).Equals(PlanFingerprint.Of(PlanOf([Release(false, "op-b")])));

        // Then
        equal.Should().BeFalse();
    }

    [Fact]
    public void Should_differ_When_one_plan_removes_a_duplicate_the_other_does_not()
    {
        // When
        var equal = PlanFingerprint.Of(PlanOf([Duplicate])).Equals(PlanFingerprint.Of(PlanOf([])));

        // Then
        equal.Should().BeFalse();
    }

    [Fact]
    public void Should_keep_duplicate_removals_and_releases_before_creates_but_not_before_updates_When_only_adding()
    {
        // Given
        var plan = PlanOf([Duplicate, Release(beforeUpdate: false, "op-a"), Release(beforeUpdate: true, "op-b")]);

        // When
        var result = DirectusSyncEngine.ApplyMode(plan, PushMode.Add);

        // Then
        result.Operations.Should().Equal(Duplicate, Release(beforeUpdate: false, "op-a"));
    }
}
