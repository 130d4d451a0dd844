using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Tests.Diff;
using DirectusSync.Core.Workflow;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using CollectionBehavior = DirectusSync.Core.Model.CollectionBehavior;

namespace DirectusSync.Core.Tests.Model;

/// <summary>
/// The sync asks a collection's definition what it does differently, never its name: a collection it has never
/// heard of (here <c>webhooks</c>) gets its quirks from its behaviour alone.
/// </summary>
public sealed class CollectionBehaviorTests
{
    /// <summary>A made-up collection: its <c>url</c> is written on its own first, and <c>secret</c> compares as "never changed".</summary>
    private sealed class WebhooksBehavior : CollectionBehavior
    {
        public override FieldComparison? CompareField(string field, JToken wanted, JToken? current, bool syncPolicyRoles) =>
            field == "secret" ? new FieldComparison(false, "secrets stay as the target has them") : null;

        public override IEnumerable<UpdateItem> SplitUpdate(UpdateItem update)
        {
            if (!update.Changes.ContainsKey("url"))
            {
                yield return update;
                yield break;
            }

            yield return update with { Changes = new JObject { ["url"] = update.Changes["url"]!.DeepClone() }, IsPrelude = true };
            var rest = (JObject)update.Changes.DeepClone();
            rest.Remove("url");
            yield return update with { Changes = rest };
        }
    }

    private static readonly CollectionDefinition Webhooks = new() { Name = "webhooks", Behavior = new WebhooksBehavior() };

    private static SyncPlan Diff(JObject wanted, JObject current)
    {
        var desired = new DesiredState(new Dictionary<string, IReadOnlyList<JObject>> { ["webhooks"] = [wanted] });
        var live = new LiveState(
            new Dictionary<string, LiveCollection>
            {
                ["webhooks"] = new(Webhooks, [current], [new IdMap(1, "webhooks", wanted.Value<string>("_syncId")!, current["id"]!.ToString())]),
            },
            new PlaceholderTargets(null, null, null, null));
        return SyncDiffer.Diff(desired, live, new DiffOptions { Collections = [Webhooks] });
    }

    public sealed class TheDiffer
    {
        [Fact]
        public void Should_plan_the_writes_the_collection_splits_an_update_into_When_its_behaviour_splits_it()
        {
            // Given a webhook whose url and name both changed
            var wanted = Json.Object("{ name: 'New', url: 'https://b', _syncId: 'w1' }");
            var current = Json.Object("{ id: '7', name: 'Old', url: 'https://a' }");

            // When
            var plan = Diff(wanted, current);

            // Then the url is written on its own, first, then the rest
            var updates = plan.Operations.OfType<UpdateItem>().ToList();
            updates.Should().HaveCount(2);
            updates[0].Changes.Should().BeEquivalentTo(Json.Object("{ url: 'https://b' }"));
            updates[0].IsPrelude.Should().BeTrue();
            updates[1].Changes.Should().BeEquivalentTo(Json.Object("{ name: 'New' }"));
        }

        [Fact]
        public void Should_compare_a_field_by_the_collection_rule_and_report_what_is_not_kept_When_its_behaviour_has_one()
        {
            // Given a webhook whose secret differs, and nothing else
            var wanted = Json.Object("{ name: 'Hook', secret: 'new', _syncId: 'w1' }");
            var current = Json.Object("{ id: '7', name: 'Hook', secret: 'old' }");

            // When
            var plan = Diff(wanted, current);

            // Then nothing is written, and the plan says why the dump's secret is not kept
            plan.Operations.OfType<UpdateItem>().Should().BeEmpty();
            plan.NotKept.Should().ContainSingle().Which.Should().Be(new NotKeptKey("webhooks", "w1", "secret", "secrets stay as the target has them"));
        }

        [Fact]
        public void Should_write_the_whole_update_at_once_When_the_collection_has_the_plain_rules()
        {
            // Given the same change in a collection without quirks
            var plain = new CollectionDefinition { Name = "webhooks" };
            var desired = new DesiredState(new Dictionary<string, IReadOnlyList<JObject>> { ["webhooks"] = [Json.Object("{ name: 'New', url: 'https://b', _syncId: 'w1' }")] });
            var live = new LiveState(
                new Dictionary<string, LiveCollection> { ["webhooks"] = new(plain, [Json.Object("{ id: '7', name: 'Old', url: 'https://a' }")], [new IdMap(1, "webhooks", "w1", "7")]) },
                new PlaceholderTargets(null, null, null, null));

            // When
            var plan = SyncDiffer.Diff(desired, live, new DiffOptions { Collections = [plain] });

            // Then one write carries both fields
            plan.Operations.OfType<UpdateItem>().Should().ContainSingle()
                .Which.Changes.Should().BeEquivalentTo(Json.Object("{ name: 'New', url: 'https://b' }"));
        }
    }

    public sealed class TheNormalizer
    {
        [Fact]
        public void Should_leave_the_item_as_it_is_beyond_ignored_fields_When_the_collection_has_the_plain_rules()
        {
            // Given a policy-shaped item in a collection without quirks
            var plain = new CollectionDefinition { Name = "webhooks" };
            var item = Json.Object("{ id: '7', name: 'Hook', roles: [{ id: 1, role: 'r', user: null, sort: 1 }] }");

            // When
            var dumped = ItemNormalizer.ToDumpForm(plain, item, "w1", (_, _) => null);

            // Then its roles are not rewritten as a policy's access rows would be
            dumped["roles"].Should().BeEquivalentTo(item["roles"]);
        }
    }

    public sealed class TheLabel
    {
        [Fact]
        public void Should_label_an_item_by_its_name_When_the_collection_is_not_tracked()
        {
            // Given an item of a collection the sync does not track
            var item = Json.Object("{ name: 'Hook', collection: 'articles' }");

            // When
            var label = ItemLabel.Of("webhooks", item);

            // Then
            label.Should().Be("Hook");
        }
    }
}
