using DirectusSync.Core.Plan;
using DirectusSync.Core.Workflow;
using static DirectusSync.Core.Tests.Workflow.PlanBuilder;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class DeletionGuardTests
{
    public sealed class TheItemRule
    {
        [Theory]
        [InlineData(1, 1)]
        [InlineData(3, 3)]
        [InlineData(2, 40)]
        [InlineData(4, 20)]
        public void Should_let_the_push_through_When_a_reviewed_edit_deletes_a_few_items(int deletes, int tracked)
        {
            // Given e.g. the only item of a collection removed from the dump
            var plan = PlanOf(Deletes("roles", deletes), unchanged: tracked - deletes);

            // When
            var verdict = DeletionGuard.Check(plan, Live(new() { ["roles"] = tracked }), [], DeletionConsent.None);

            // Then
            verdict.IsRefused.Should().BeFalse();
        }

        [Theory]
        [InlineData(3, 3, false)]
        [InlineData(4, 4, true)]
        [InlineData(4, 40, false)]
        public void Should_apply_the_same_thresholds_When_the_deletions_are_not_a_sync_plans(int deletes, int tracked, bool refused)
        {
            // Given a seed push's deletions in one collection
            var collection = new CollectionDeletions("items::cities", tracked, Deletes("items::cities", deletes).Cast<DeleteItem>().ToList());

            // When
            var refusals = DeletionGuard.CheckItems([collection], unknown: 0, known: tracked - deletes);

            // Then
            refusals.Should().HaveCount(refused ? 1 : 0);
        }

        [Theory]
        [InlineData(8, 8)]
        [InlineData(4, 10)]
        public void Should_stop_the_collection_When_more_than_three_and_more_than_a_quarter_of_its_items_would_go(int deletes, int tracked)
        {
            // Given an emptied or truncated file
            var plan = PlanOf(Deletes("roles", deletes), unchanged: tracked - deletes);

            // When
            var verdict = DeletionGuard.Check(plan, Live(new() { ["roles"] = tracked }), [], DeletionConsent.None);

            // Then
            var refusal = verdict.Items.Should().ContainSingle().Subject;
            refusal.Collection.Should().Be("roles");
            refusal.Reason.Should().Contain($"delete {deletes} of {tracked} tracked item(s), more than a quarter");
            refusal.Deletes.Should().HaveCount(deletes);
        }

        [Fact]
        public void Should_stop_the_push_When_it_deletes_more_than_25_items_spread_over_collections()
        {
            // Given three deletions in each of ten collections with many items (each a small share)
            string[] names = ["roles", "policies", "permissions", "flows", "operations", "dashboards", "panels", "presets", "translations", "folders"];
            var plan = PlanOf(names.SelectMany(n => Deletes(n, 3)), unchanged: 1000);
            var live = Live(names.ToDictionary(n => n, _ => 100));

            // When
            var verdict = DeletionGuard.Check(plan, live, [], DeletionConsent.None);

            // Then
            var refusal = verdict.Items.Should().ContainSingle().Subject;
            refusal.Collection.Should().BeNull();
            refusal.Reason.Should().Contain("delete 30 items in all, more than 25");
        }

        [Fact]
        public void Should_stop_the_push_When_most_of_the_dump_is_unknown_to_the_target()
        {
            // Given a dump pulled from another instance: 2+2 deletions (small per collection), 10 of 12 items new
            var plan = PlanOf([.. Deletes("roles", 2), .. Deletes("flows", 2)], unchanged: 2, creates: 10);
            var live = Live(new() { ["roles"] = 20, ["flows"] = 20 });

            // When
            var verdict = DeletionGuard.Check(plan, live, [], DeletionConsent.None);

            // Then
            verdict.Items.Should().ContainSingle().Which.Reason.Should().Contain("10 of the dump's 12 items are unknown to the target");
        }

        [Fact]
        public void Should_let_a_first_push_through_When_a_new_target_knows_none_of_the_dump()
        {
            // Given an empty target: everything is created, nothing deleted
            var plan = PlanOf([new CreateItem("roles", "r1", [], false)], creates: 50);

            // When
            var verdict = DeletionGuard.Check(plan, Live(new() { ["roles"] = 0 }), [], DeletionConsent.None);

            // Then
            verdict.IsRefused.Should().BeFalse();
        }

        [Fact]
        public void Should_let_item_deletions_through_When_the_user_allows_deletes()
        {
            // Given
            var plan = PlanOf(Deletes("roles", 8));

            // When
            var verdict = DeletionGuard.Check(plan, Live(new() { ["roles"] = 8 }), [], new DeletionConsent { Items = true });

            // Then
            verdict.IsRefused.Should().BeFalse();
        }
    }

    public sealed class TheSchemaRule
    {
        private static readonly SchemaDeletion Articles = new(SchemaDeletionKind.Collection, "articles") { Rows = 12 };
        private static readonly SchemaDeletion Body = new(SchemaDeletionKind.Field, "pages", "body");

        [Fact]
        public void Should_stop_every_schema_deletion_When_only_item_deletes_are_allowed()
        {
            // Given
            var plan = PlanOf([]);

            // When
            var verdict = DeletionGuard.Check(plan, Live([]), [Articles, Body], new DeletionConsent { Items = true });

            // Then
            verdict.Schema.Should().Equal(Articles, Body);
            verdict.Describe().Should().Equal(
                "drop collection articles with its 12 row(s) on the target",
                "drop field pages.body (its value in every row)");
        }

        [Fact]
        public void Should_let_schema_deletions_through_When_the_user_allows_schema_deletes()
        {
            // When
            var verdict = DeletionGuard.Check(PlanOf([]), Live([]), [Articles, Body], new DeletionConsent { Schema = true });

            // Then
            verdict.IsRefused.Should().BeFalse();
        }
    }

    public sealed class TheScopedConsent
    {
        [Fact]
        public void Should_allow_exactly_the_named_deletions_and_refuse_any_other_When_the_consent_is_scoped()
        {
            // Given a consent to what a backup says: one role and the collection "articles"
            var named = (DeleteItem)Deletes("roles", 1).Single();
            var other = (DeleteItem)Deletes("roles", 1, first: 5).Single();
            var articles = new SchemaDeletion(SchemaDeletionKind.Collection, "articles");
            var pages = new SchemaDeletion(SchemaDeletionKind.Collection, "pages");
            var consent = DeletionConsent.Exactly([PlannedDeletions.ItemKey(named), articles.Key]);

            // When
            var verdict = DeletionGuard.Check(PlanOf([named, other]), Live(new() { ["roles"] = 100 }), [articles, pages], consent);

            // Then even a single item outside the consent is refused
            verdict.Schema.Should().Equal(pages);
            verdict.Items.Should().ContainSingle().Which.Deletes.Should().Equal(other);
        }
    }
}
