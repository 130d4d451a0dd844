using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;
using static DirectusSync.Core.Tests.Workflow.PlanBuilder;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class PushWorkflowTests
{
    private static readonly SyncPlan Empty = PlanOf([]);

    [Fact]
    public async Task Should_refuse_before_any_write_and_count_the_rows_When_the_dump_lacks_a_collection_holding_rows()
    {
        // Given
        var target = new ScriptedTarget(_ => PlanOf([], Schema(collections: [DroppedCollection("articles")])), new Dictionary<string, long> { ["articles"] = 12 });

        // When
        var act = () => new PushWorkflow(target).RunAsync(new PushRequest(new SyncOptions()));

        // Then
        var refused = (await act.Should().ThrowAsync<DeletionRefusedException>()).Which;
        refused.NothingWritten.Should().BeTrue();
        refused.Message.Should().Contain("nothing was written").And.Contain("drop collection articles with its 12 row(s)").And.Contain("--allow-schema-deletes");
        target.Applied.Should().BeEmpty();
        target.Counted.Should().Equal("articles");
    }

    [Fact]
    public async Task Should_drop_the_collection_When_the_user_allows_schema_deletes()
    {
        // Given
        var drop = PlanOf([], Schema(collections: [DroppedCollection("articles")]));
        var target = new ScriptedTarget(n => n == 0 ? drop : Empty);

        // When
        var outcome = await new PushWorkflow(target).RunAsync(new PushRequest(new SyncOptions()) { Consent = new DeletionConsent { Schema = true } });

        // Then
        target.Applied.Should().Equal(drop);
        outcome.Passes.Should().Be(1);
        outcome.Result!.SchemaApplied.Should().BeTrue();
    }

    [Fact]
    public async Task Should_check_the_items_alone_after_a_pass_When_that_pass_applied_no_schema()
    {
        // Given a first plan that only updates an item
        var update = PlanOf([new UpdateItem("roles", "r1", "1", new JObject { ["name"] = "A" }, new JObject())]);
        var target = new ScriptedTarget(n => n == 0 ? update : Empty);

        // When
        var outcome = await new PushWorkflow(target).RunAsync(new PushRequest(new SyncOptions()));

        // Then the plan compared the schema, and the check after the pass did not
        outcome.Passes.Should().Be(1);
        target.Diffs.Select(o => o.Snapshot).Should().Equal(true, false);
    }

    [Fact]
    public async Task Should_diff_the_schema_again_after_a_pass_When_that_pass_applied_schema_changes()
    {
        // Given a first plan with a schema change, then an item update, then nothing
        var schema = PlanOf([], Schema(collections:
        [
            new JObject { ["collection"] = "pages", ["diff"] = new JArray(new JObject { ["kind"] = "N", ["rhs"] = new JObject { ["collection"] = "pages" } }) },
        ]));
        var update = PlanOf([new UpdateItem("roles", "r1", "1", new JObject { ["name"] = "A" }, new JObject())]);
        var target = new ScriptedTarget(n => n switch { 0 => schema, 1 => update, _ => Empty });

        // When
        var outcome = await new PushWorkflow(target).RunAsync(new PushRequest(new SyncOptions()));

        // Then the check after the schema pass compared the schema; the one after the items-only pass did not
        outcome.Passes.Should().Be(2);
        target.Diffs.Select(o => o.Snapshot).Should().Equal(true, true, false);
    }

    [Fact]
    public async Task Should_recheck_the_guard_before_every_pass_When_a_later_plan_would_drop_a_field()
    {
        // Given a first pass that only updates, and a second plan that drops a field
        var update = PlanOf([new UpdateItem("roles", "r1", "1", new JObject { ["name"] = "A" }, new JObject())]);
        var target = new ScriptedTarget(n => n == 0 ? update : PlanOf([], Schema(fields: [DroppedField("pages", "body")])));

        // When
        var act = () => new PushWorkflow(target).RunAsync(new PushRequest(new SyncOptions()));

        // Then
        var refused = (await act.Should().ThrowAsync<DeletionRefusedException>()).Which;
        refused.Pass.Should().Be(2);
        refused.Message.Should().Contain("before pass 2").And.Contain("drop field pages.body");
        target.Applied.Should().Equal(update);
    }

    [Fact]
    public async Task Should_report_what_the_guard_would_stop_and_write_nothing_When_it_is_a_dry_run()
    {
        // Given
        var target = new ScriptedTarget(_ => PlanOf(Deletes("roles", 8)));

        // When
        var outcome = await new PushWorkflow(target).RunAsync(new PushRequest(new SyncOptions()) { DryRun = true });

        // Then
        outcome.IsDryRun.Should().BeTrue();
        outcome.Verdict.Items.Should().ContainSingle().Which.Collection.Should().Be("roles");
        target.Applied.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_stop_as_not_converging_When_a_pass_plans_structurally_the_same_steps_again()
    {
        // Given Directus not keeping an update: every diff plans it again (new objects, a new schema hash)
        var target = new ScriptedTarget(n => PlanOf(
            [new UpdateItem("roles", "r1", "1", new JObject { ["name"] = "A" }, new JObject())],
            Schema($"hash-{n}", fields: [EditedField("pages", "title")])));

        // When
        var act = () => new PushWorkflow(target).RunAsync(new PushRequest(new SyncOptions { MaxPushRetries = 0 }));

        // Then
        (await act.Should().ThrowAsync<PushConvergenceException>()).WithMessage("Push does not converge*update roles r1*");
        target.Applied.Should().HaveCount(1);
    }

    [Fact]
    public async Task Should_stop_as_not_converging_When_a_pass_plans_the_steps_of_a_pass_before_the_last_again()
    {
        // Given Directus flipping a value back and forth: the diffs plan A, B, A, B, ...
        var target = new ScriptedTarget(n => PlanOf([new UpdateItem("roles", "r1", "1", new JObject { ["name"] = n % 2 == 0 ? "A" : "B" }, new JObject())]));

        // When
        var act = () => new PushWorkflow(target).RunAsync(new PushRequest(new SyncOptions { MaxPushRetries = 0 }));

        // Then the third pass is not run: its steps are the first's
        (await act.Should().ThrowAsync<PushConvergenceException>()).WithMessage("Push does not converge*update roles r1*");
        target.Applied.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(0, PushWorkflow.UnlimitedPasses)]
    [InlineData(3, 3)]
    public async Task Should_stop_after_the_bound_When_every_pass_plans_new_steps(int maxPushRetries, int passes)
    {
        // Given a target that never settles: every diff asks for another value
        var target = new ScriptedTarget(n => PlanOf([new UpdateItem("roles", "r1", "1", new JObject { ["name"] = $"v{n}" }, new JObject())]));

        // When
        var act = () => new PushWorkflow(target).RunAsync(new PushRequest(new SyncOptions { MaxPushRetries = maxPushRetries }));

        // Then
        (await act.Should().ThrowAsync<PushConvergenceException>()).WithMessage($"Push: max retries reached after {passes} attempts*");
        target.Applied.Should().HaveCount(passes);
    }

    [Fact]
    public async Task Should_pass_through_a_reviewed_deletion_of_the_only_item_When_no_consent_is_given()
    {
        // Given
        var delete = PlanOf(Deletes("roles", 1));
        var target = new ScriptedTarget(n => n == 0 ? delete : Empty);

        // When
        var outcome = await new PushWorkflow(target).RunAsync(new PushRequest(new SyncOptions()));

        // Then
        target.Applied.Should().Equal(delete);
        outcome.Verdict.IsRefused.Should().BeFalse();
    }
}
