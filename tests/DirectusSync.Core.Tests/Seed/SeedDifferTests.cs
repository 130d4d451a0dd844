using DirectusSync.Core.Seed;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;
using DirectusSync.Core.Model;

namespace DirectusSync.Core.Tests.Seed;

public sealed class SeedDifferTests
{
    private static readonly SeedTarget City = new("city", "id", false, new Dictionary<string, SeedRelation>
    {
        ["country"] = new("country", "country"),
    });

    [Fact]
    public void Should_create_update_delete_and_count_unchanged_When_seed_and_target_differ()
    {
        // Given
        var seed = Seed(new SeedMeta(), Item("paris", "Paris", "fr"), Item("lyon", "Lyon", "fr"), Item("berlin", "Berlin", "de"));
        IdMap[] maps = [Map(1, "paris", "u1"), Map(2, "lyon", "u2"), Map(3, "rome", "u3"), Map(4, "gone", "u4")];
        var live = new Dictionary<string, JObject>
        {
            ["u1"] = new() { ["id"] = "u1", ["name"] = "Paris", ["country"] = 10, ["population"] = 2 },
            ["u2"] = new() { ["id"] = "u2", ["name"] = "Lyon!", ["country"] = 10 },
            ["u3"] = new() { ["id"] = "u3", ["name"] = "Rome", ["country"] = 11 },
        };

        // When
        var diff = SeedDiffer.Diff(seed, City, maps, live, CountrySyncIds);

        // Then
        diff.Dangling.Select(m => m.SyncId).Should().Equal("gone");
        diff.Creates.Select(i => i.SyncId).Should().Equal("berlin");
        var update = diff.Updates.Should().ContainSingle().Which;
        update.LocalId.Should().Be("u2");
        update.Changes.Should().BeEquivalentTo(new JObject { ["name"] = "Lyon" });
        diff.Deletes.Select(m => m.SyncId).Should().Equal("rome");
        diff.Unchanged.Should().Be(1);
    }

    [Fact]
    public void Should_list_nothing_for_the_flags_that_are_off_When_the_meta_disallows_them()
    {
        // Given
        var seed = Seed(new SeedMeta { Create = false, Update = false, Delete = false }, Item("paris", "Paris!", "fr"), Item("berlin", "Berlin", "de"));
        IdMap[] maps = [Map(1, "paris", "u1"), Map(3, "rome", "u3")];
        var live = new Dictionary<string, JObject>
        {
            ["u1"] = new() { ["name"] = "Paris", ["country"] = 10 },
            ["u3"] = new() { ["name"] = "Rome", ["country"] = 11 },
        };

        // When
        var diff = SeedDiffer.Diff(seed, City, maps, live, CountrySyncIds);

        // Then
        diff.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Should_ignore_the_listed_fields_and_a_users_password_When_comparing()
    {
        // Given
        var users = new SeedCollection("directus_users", new SeedMeta { IgnoreOnUpdate = ["last_page"] },
            [new SeedItem("u", new JObject { ["email"] = "a@b.c", ["password"] = "secret", ["last_page"] = "/x" }, null, "users.json")], ["users.json"]);
        var target = new SeedTarget("directus_users", "id", false, new Dictionary<string, SeedRelation>());
        var live = new JObject { ["email"] = "a@b.c", ["password"] = "**********", ["last_page"] = "/y" };

        // When
        var changes = SeedDiffer.Changes(users, target, users.Items[0], live, (_, _) => null);

        // Then
        changes.Should().BeEmpty();
    }

    [Theory]
    [InlineData("1", "1.0", true)]
    [InlineData("\"12.5\"", "12.5", true)]
    [InlineData("null", "null", true)]
    [InlineData("\"a\"", "null", false)]
    [InlineData("[1,{\"a\":true}]", "[1.0,{\"a\":true}]", true)]
    [InlineData("{\"a\":1}", "{\"a\":1,\"b\":2}", false)]
    public void Should_compare_json_values_by_meaning_When_representations_differ(string seed, string live, bool same)
    {
        // When
        var result = SeedDiffer.SameValue(JToken.Parse(seed), JToken.Parse(live));

        // Then
        result.Should().Be(same);
    }

    private static string? CountrySyncIds(string table, string localId) =>
        table == "items::country" ? localId switch { "10" => "fr", "11" => "it", _ => null } : null;

    private static SeedCollection Seed(SeedMeta meta, params SeedItem[] items) => new("city", meta, items, ["city.json"]);

    private static SeedItem Item(string syncId, string name, string country) =>
        new(syncId, new JObject { ["name"] = name, ["country"] = country }, null, "city.json");

    private static IdMap Map(long id, string syncId, string localId) => new(id, "items::city", syncId, localId);
}
