using DirectusSync.Core.Logging;
using DirectusSync.Core.Model;
using DirectusSync.Core.Seed;
using DirectusSync.Core.Tests.Execution;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Seed;

/// <summary>The seed executor sends the plan's operations in batches, and nothing else.</summary>
public sealed class SeedPlanExecutorTests : IDisposable
{
    private const string IdMaps = "/directus-extension-sync/table/";

    private static readonly SeedTarget Country = new("country", "id", true, new Dictionary<string, SeedRelation>());

    private static readonly SeedTarget City = new("city", "id", false, new Dictionary<string, SeedRelation>
    {
        ["country"] = new("country", "country"),
    })
    {
        UuidKey = true,
    };

    private readonly FakeDirectus _directus = new();
    private readonly DirectusClient _client;

    public SeedPlanExecutorTests() => _client = new DirectusClient(new DirectusClientOptions
    {
        BaseUrl = new Uri("http://127.0.0.1:8055"),
        Credentials = DirectusCredentials.FromToken("token"),
        Handler = _directus,
    });

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Should_create_each_collection_in_one_request_and_map_every_new_item_When_items_are_new()
    {
        // Given two new countries (integer keys drawn by Directus) and two new cities (uuid keys) pointing at them
        var state = State(
            [("country", [Item("fr", ("name", "France")), Item("de", ("name", "Germany"))]),
             ("city", [Item("paris", ("name", "Paris"), ("country", "fr")), Item("berlin", ("name", "Berlin"), ("country", "de"))])],
            []);

        // When
        await new SeedPlanExecutor(_client, NullSyncLog.Instance).ExecuteAsync(SeedEngine.Plan(state), state, CancellationToken.None);

        // Then one POST of an array per collection, each item mapped to the key it got
        var writes = _directus.Transcript.Where(r => !r.Contains(IdMaps, StringComparison.Ordinal)).ToList();
        writes.Should().HaveCount(2);
        writes[0].Should().Be("""POST /items/country?fields[]=id [{"name":"France"},{"name":"Germany"}]""");
        var cities = JArray.Parse(writes[1][(writes[1].IndexOf(" [", StringComparison.Ordinal) + 1)..]);
        writes[1].Should().StartWith("POST /items/city?fields[]=id [");
        cities.Select(c => (c.Value<string>("name"), c.Value<long>("country"))).Should().Equal(("Paris", 100L), ("Berlin", 101L));
        var cityIds = cities.Select(c => c.Value<string>("id")).ToList();
        cityIds.Should().Equal([SeedIdentity.UuidOf("city", "paris"), SeedIdentity.UuidOf("city", "berlin")],
            "a uuid-keyed item gets in the request the key every run derives from its sync id, so it is matched by key, now and without the map");
        _directus.Transcript.Where(r => r.Contains(IdMaps, StringComparison.Ordinal)).Should().BeEquivalentTo(
            $$"""POST {{IdMaps}}items::country {"local_id":"100","sync_id":"fr"}""",
            $$"""POST {{IdMaps}}items::country {"local_id":"101","sync_id":"de"}""",
            $$"""POST {{IdMaps}}items::city {"local_id":"{{cityIds[0]}}","sync_id":"paris"}""",
            $$"""POST {{IdMaps}}items::city {"local_id":"{{cityIds[1]}}","sync_id":"berlin"}""");
    }

    [Fact]
    public async Task Should_patch_the_changed_items_in_one_array_and_delete_the_others_in_one_request_When_items_change_and_go()
    {
        // Given three mapped countries: one changed, one equal, two no seed holds
        var state = State(
            [("country", [Item("fr", ("name", "France!")), Item("de", ("name", "Germany")), Item("be", ("name", "Belgium?"))])],
            [("country", "fr", "1", "France"), ("country", "de", "2", "Germany"), ("country", "be", "5", "Belgium"), ("country", "it", "3", "Italy"), ("country", "es", "4", "Spain")]);

        // When
        await new SeedPlanExecutor(_client, NullSyncLog.Instance).ExecuteAsync(SeedEngine.Plan(state), state, CancellationToken.None);

        // Then
        _directus.Transcript.Where(r => !r.Contains(IdMaps, StringComparison.Ordinal)).Should().Equal(
            """PATCH /items/country?fields[]=id [{"name":"France!","id":1},{"name":"Belgium?","id":5}]""",
            "DELETE /items/country [3,4]");
        _directus.Transcript.Where(r => r.Contains(IdMaps, StringComparison.Ordinal)).Should().BeEquivalentTo(
            $"DELETE {IdMaps}items::country/sync_id/it",
            $"DELETE {IdMaps}items::country/sync_id/es");
    }

    [Fact]
    public async Task Should_remove_the_dangling_map_before_creating_the_item_again_When_its_target_item_is_gone()
    {
        // Given a map whose item was deleted by hand
        var state = State([("country", [Item("fr", ("name", "France"))])], [("country", "fr", "7", null)]);

        // When
        await new SeedPlanExecutor(_client, NullSyncLog.Instance).ExecuteAsync(SeedEngine.Plan(state), state, CancellationToken.None);

        // Then
        _directus.Transcript.Should().Equal(
            $"DELETE {IdMaps}items::country/sync_id/fr",
            """POST /items/country?fields[]=id [{"name":"France"}]""",
            $$"""POST {{IdMaps}}items::country {"local_id":"100","sync_id":"fr"}""");
    }

    [Fact]
    public async Task Should_create_the_items_under_their_derived_ids_and_store_no_map_When_the_state_is_extension_less()
    {
        // Given a new country kept under its sync id and a new city (uuid key) pointing at it, without the extension
        var set = SeedSet.From([
            new SeedEntry("country.json", "country", new SeedMeta { PreserveIds = true }, [Item("7", ("name", "France"))]),
            new SeedEntry("city.json", "city", new SeedMeta(), [Item("paris", ("name", "Paris"), ("country", "7"))])]);
        var state = new SeedState { Set = set, Mode = IdMapMode.Derived, Targets = new Dictionary<string, SeedTarget> { ["country"] = Country, ["city"] = City } };
        foreach (var seed in set.Collections)
        {
            state.Maps[seed.IdMapTable] = [];
            state.Live[seed.Collection] = new Dictionary<string, JObject>();
            state.Diffs.Add(SeedDiffer.Diff(seed, state.Targets[seed.Collection], [], state.Live[seed.Collection], state.SyncIdOf));
        }

        // When
        await new SeedPlanExecutor(_client, NullSyncLog.Instance).ExecuteAsync(SeedEngine.Plan(state), state, CancellationToken.None);

        // Then the items are sent with their keys and the relation resolved, and the extension is never asked
        _directus.Transcript.Should().Equal(
            """POST /items/country?fields[]=id [{"name":"France","id":7}]""",
            $$"""POST /items/city?fields[]=id [{"name":"Paris","country":7,"id":"{{SeedIdentity.UuidOf("city", "paris")}}"}]""");
    }

    /// <summary>The state a seed push reads: seeds, targets, maps and live items (a null name: the item is gone), diffed.</summary>
    private static SeedState State(
        (string Collection, SeedItem[] Items)[] seeds,
        (string Collection, string SyncId, string LocalId, string? Name)[] live,
        IdMapMode mode = IdMapMode.Extension)
    {
        var set = SeedSet.From(seeds.Select(s => new SeedEntry($"{s.Collection}.json", s.Collection, new SeedMeta(), s.Items)));
        var targets = new Dictionary<string, SeedTarget> { ["country"] = Country, ["city"] = City };
        var state = new SeedState { Set = set, Mode = mode, Targets = set.Collections.ToDictionary(c => c.Collection, c => targets[c.Collection]) };
        foreach (var seed in set.Collections)
        {
            var maps = live.Where(l => l.Collection == seed.Collection).Select((l, i) => new IdMap(i + 1, seed.IdMapTable, l.SyncId, l.LocalId)).ToList();
            var items = live.Where(l => l.Collection == seed.Collection && l.Name is not null)
                .ToDictionary(l => l.LocalId, l => new JObject { ["id"] = long.Parse(l.LocalId, System.Globalization.CultureInfo.InvariantCulture), ["name"] = l.Name });
            state.Maps[seed.IdMapTable] = maps;
            state.Live[seed.Collection] = items;
            state.Index(seed.IdMapTable, maps.Where(m => items.ContainsKey(m.LocalId)));
        }

        foreach (var seed in set.Collections)
        {
            state.Diffs.Add(SeedDiffer.Diff(seed, state.Targets[seed.Collection], state.Maps[seed.IdMapTable], state.Live[seed.Collection], state.SyncIdOf));
        }

        return state;
    }

    private static SeedItem Item(string syncId, params (string Field, string Value)[] fields)
    {
        var json = new JObject();
        foreach (var (field, value) in fields)
        {
            json[field] = value;
        }

        return new SeedItem(syncId, json, null, "seed.json");
    }
}
