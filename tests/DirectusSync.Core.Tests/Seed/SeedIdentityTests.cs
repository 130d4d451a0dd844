using DirectusSync.Core.Model;
using DirectusSync.Core.Seed;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Seed;

public sealed class SeedIdentityTests
{
    private static readonly SeedTarget UuidKeyed = new("city", "id", false, new Dictionary<string, SeedRelation>()) { UuidKey = true };
    private static readonly SeedTarget IntegerKeyed = new("country", "id", true, new Dictionary<string, SeedRelation>());
    private static readonly SeedTarget TextKeyed = new("language", "code", false, new Dictionary<string, SeedRelation>());

    [Fact]
    public void Should_be_the_same_name_based_uuid_on_every_run_When_a_uuid_keyed_item_has_a_sync_id_that_is_no_uuid()
    {
        // Given
        var item = Item("city-paris");

        // When
        var first = SeedIdentity.LocalIdOf(UuidKeyed, new SeedMeta(), item);
        var second = SeedIdentity.LocalIdOf(UuidKeyed, new SeedMeta(), Item("city-paris"));

        // Then
        first.Should().Be(second).And.Be(NameBasedUuid.Create("seed/city/city-paris"));
        Guid.TryParse(first, out _).Should().BeTrue();
    }

    [Fact]
    public void Should_differ_per_collection_When_two_collections_use_the_same_sync_id()
    {
        // When
        var city = SeedIdentity.UuidOf("city", "paris");
        var place = SeedIdentity.UuidOf("place", "paris");

        // Then
        city.Should().NotBe(place);
    }

    [Fact]
    public void Should_be_the_sync_id_itself_in_lower_case_When_the_sync_id_is_a_uuid()
    {
        // When
        var id = SeedIdentity.LocalIdOf(UuidKeyed, new SeedMeta(), Item("6F1E3C1A-8A1B-4C51-9D4E-0C5B7A2E9F10"));

        // Then
        id.Should().Be("6f1e3c1a-8a1b-4c51-9d4e-0c5b7a2e9f10", "pull writes the ids of existing uuid items as their sync ids");
    }

    [Fact]
    public void Should_be_the_items_own_key_When_the_item_gives_one()
    {
        // When
        var id = SeedIdentity.LocalIdOf(TextKeyed, new SeedMeta(), Item("lang-fr", ("code", "fr")));

        // Then
        id.Should().Be("fr");
    }

    [Fact]
    public void Should_be_the_sync_id_When_the_seed_preserves_ids()
    {
        // When
        var id = SeedIdentity.LocalIdOf(IntegerKeyed, new SeedMeta { PreserveIds = true }, Item("42"));

        // Then
        id.Should().Be("42");
    }

    [Fact]
    public void Should_be_none_When_an_integer_keyed_item_gives_no_key_and_ids_are_not_preserved()
    {
        // When
        var id = SeedIdentity.LocalIdOf(IntegerKeyed, new SeedMeta(), Item("country-fr", ("name", "France")));

        // Then
        id.Should().BeNull("Directus draws integer keys: no run could find the item again without a map");
    }

    private static SeedItem Item(string syncId, params (string Field, string Value)[] fields)
    {
        var body = new JObject();
        foreach (var (field, value) in fields)
        {
            body[field] = value;
        }

        return new SeedItem(syncId, body, null, "seed.json");
    }
}
