using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Seed;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Seed;

public sealed class SeedPlannerTests
{
    private static readonly SeedTarget Country = new("country", "id", true, new Dictionary<string, SeedRelation>());

    private static readonly SeedTarget City = new("city", "id", true, new Dictionary<string, SeedRelation>
    {
        ["country"] = new("country", "country"),
    });

    private static readonly SeedTarget Node = new("node", "id", true, new Dictionary<string, SeedRelation>
    {
        ["parent"] = new("parent", "node"),
    });

    [Fact]
    public void Should_plan_maps_unmaps_creates_updates_then_deletes_each_with_a_reason_When_every_kind_of_change_is_seeded()
    {
        // Given a new country, and cities with a dangling map, a new item, a changed one and one no seed holds
        var countries = Collection("country", Item("de", ("name", "Germany")));
        var cities = Collection("city", Item("berlin", ("name", "Berlin"), ("country", "de")), Item("lyon", ("name", "Lyon"), ("country", "fr")));
        var lyon = new SeedUpdate(cities.Items[1], "2", new JObject { ["name"] = "Lyon" });
        var placeholder = new CreateIdMap("directus_roles", Placeholders.AdminRole, "r1", "seed items use the placeholder");

        // When
        var plan = SeedPlanner.Plan(
            [countries, cities],
            Targets(Country, City),
            [Diff("country", creates: [countries.Items[0]]),
             Diff("city", dangling: [Map("city", "gone", "9")], creates: [cities.Items[0]], updates: [lyon], deletes: [Map("city", "rome", "3")], unchanged: 1)],
            [placeholder],
            Mapped(("items::country", "fr")),
            (collection, id) => collection == "city" && id == "2" ? new JObject { ["id"] = 2, ["name"] = "Lyon!" } : null);

        // Then
        plan.Plan.Operations.Select(o => (o.Kind, o.Collection, o.SyncId)).Should().Equal(
            ("map", "directus_roles", Placeholders.AdminRole),
            ("unmap", "city", "gone"),
            ("create", "country", "de"),
            ("create", "city", "berlin"),
            ("update", "city", "lyon"),
            ("delete", "city", "rome"));
        plan.Plan.Operations.Should().OnlyContain(o => !string.IsNullOrWhiteSpace(PlanStep.Reason(o)));
        PlanStep.Reason(plan.Plan.Operations[4]).Should().Be("differs from the target in name");
        plan.Plan.Operations.OfType<UpdateItem>().Single().Before.Should().BeEquivalentTo(new JObject { ["name"] = "Lyon!" });
        plan.Plan.Summaries.Should().Equal(new CollectionSummary("country", 0, 1, 0, 0, 0), new CollectionSummary("city", 1, 1, 1, 1, 1));
        plan.CreatePasses.Should().Be(1);
        plan.Stuck.Should().BeEmpty();
    }

    [Fact]
    public void Should_create_it_in_a_second_pass_When_a_new_item_points_at_a_new_item_seeded_after_it()
    {
        // Given cities pushed before the countries they point at (no insert_order)
        var cities = Collection("city", Item("paris", ("name", "Paris"), ("country", "fr")));
        var countries = Collection("country", Item("fr", ("name", "France")));

        // When
        var plan = SeedPlanner.Plan([cities, countries], Targets(Country, City),
            [Diff("city", creates: [.. cities.Items]), Diff("country", creates: [.. countries.Items])], [], Mapped(), (_, _) => null);

        // Then
        plan.Plan.Operations.Select(o => o.SyncId).Should().Equal("fr", "paris");
        plan.CreatePasses.Should().Be(2);
        var paris = plan.Plan.Operations.OfType<CreateItem>().Single(c => c.SyncId == "paris");
        plan.PassOf(paris).Should().Be(2);
        paris.Reason.Should().Contain("pass 2");
        plan.CreatesAfterPass(1).Should().ContainSingle().Which.SyncId.Should().Be("paris");
    }

    [Fact]
    public void Should_create_everything_in_one_pass_When_each_item_comes_after_what_it_points_at()
    {
        // Given a parent seeded before its child in one collection
        var nodes = Collection("node", Item("root", ("parent", null)), Item("child", ("parent", "root")), Item("grandchild", ("parent", "child")));

        // When
        var plan = SeedPlanner.Plan([nodes], Targets(Node), [Diff("node", creates: [.. nodes.Items])], [], Mapped(), (_, _) => null);

        // Then
        plan.CreatePasses.Should().Be(1);
        plan.Plan.Operations.Select(o => o.SyncId).Should().Equal("root", "child", "grandchild");
    }

    [Fact]
    public void Should_leave_them_out_of_the_plan_as_stuck_When_new_items_point_at_each_other_in_a_circle()
    {
        // Given
        var nodes = Collection("node", Item("a", ("parent", "b")), Item("b", ("parent", "a")), Item("c", ("parent", null)));

        // When
        var plan = SeedPlanner.Plan([nodes], Targets(Node), [Diff("node", creates: [.. nodes.Items])], [], Mapped(), (_, _) => null);

        // Then
        plan.Plan.Operations.Select(o => o.SyncId).Should().Equal("c");
        plan.Stuck.Select(s => s.SyncId).Should().Equal("a", "b");
    }

    [Fact]
    public void Should_delete_the_later_seeds_first_When_several_collections_lose_items()
    {
        // Given cities (pushed after countries) may point at countries
        var countries = Collection("country");
        var cities = Collection("city");

        // When
        var plan = SeedPlanner.Plan([countries, cities], Targets(Country, City),
            [Diff("country", deletes: [Map("country", "it", "5")]), Diff("city", deletes: [Map("city", "rome", "3"), Map("city", "milan", "4")])],
            [], Mapped(), (_, _) => null);

        // Then
        plan.Plan.Operations.Select(o => (o.Collection, o.SyncId)).Should().Equal(("city", "rome"), ("city", "milan"), ("country", "it"));
        plan.Plan.Operations.Should().AllBeOfType<DeleteItem>();
    }

    [Fact]
    public void Should_say_the_item_is_created_again_When_its_target_item_was_deleted_outside_the_seed()
    {
        // Given
        var countries = Collection("country", Item("fr", ("name", "France")));

        // When
        var plan = SeedPlanner.Plan([countries], Targets(Country),
            [Diff("country", dangling: [Map("country", "fr", "7")], creates: [.. countries.Items])], [], Mapped(), (_, _) => null);

        // Then
        plan.Plan.Operations.OfType<DeleteIdMap>().Single().Reason.Should().Contain("7").And.Contain("gone");
        plan.Plan.Operations.OfType<CreateItem>().Single().Reason.Should().Contain("its target item 7 is gone: created again");
    }

    [Fact]
    public void Should_plan_nothing_and_count_the_unchanged_items_When_the_target_matches_the_seeds()
    {
        // Given
        var countries = Collection("country", Item("fr", ("name", "France")));

        // When
        var plan = SeedPlanner.Plan([countries], Targets(Country), [Diff("country", unchanged: 1)], [], Mapped(), (_, _) => null);

        // Then
        plan.Plan.IsEmpty.Should().BeTrue();
        plan.CreatePasses.Should().Be(0);
        plan.Plan.Summaries.Should().ContainSingle().Which.Unchanged.Should().Be(1);
    }

    private static SeedCollection Collection(string name, params SeedItem[] items) => new(name, new SeedMeta(), items, [$"{name}.json"]);

    private static SeedItem Item(string syncId, params (string Field, string? Value)[] fields)
    {
        var json = new JObject();
        foreach (var (field, value) in fields)
        {
            json[field] = value is null ? JValue.CreateNull() : new JValue(value);
        }

        return new SeedItem(syncId, json, null, "seed.json");
    }

    private static Dictionary<string, SeedTarget> Targets(params SeedTarget[] targets) => targets.ToDictionary(t => t.Collection);

    private static SeedCollectionDiff Diff(
        string collection,
        IdMap[]? dangling = null,
        SeedItem[]? creates = null,
        SeedUpdate[]? updates = null,
        IdMap[]? deletes = null,
        int unchanged = 0) =>
        new(collection, dangling ?? [], creates ?? [], updates ?? [], deletes ?? [], unchanged);

    private static IdMap Map(string collection, string syncId, string localId) => new(1, $"items::{collection}", syncId, localId);

    private static Func<string, string, bool> Mapped(params (string Table, string SyncId)[] maps) =>
        (table, syncId) => maps.Contains((table, syncId));
}
