using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Seed;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Seed;

/// <summary>
/// Seeds without directus-extension-sync (<c>--id-maps derived</c> / <c>auto</c>): items are found by the id every run
/// derives (<see cref="SeedIdentity"/>), and a project moves between the modes without any item being created again.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class ExtensionlessSeedTests(DirectusFixture fixture)
{
    [Theory]
    [InlineData("11.17.4")]
    [InlineData("12.4.0")]
    public async Task Should_seed_an_instance_and_create_nothing_on_a_second_runner_When_the_instance_has_no_extension(string version)
    {
        // Given an instance without the extension, the seed-basic schema, and seeds whose items all have an id every run agrees on
        var suffix = SampleConfiguration.NewSuffix();
        await using var instance = await DirectusInstance.StartAsync($"xl-seed-{version.Replace('.', '-')}-{suffix}", version, withExtension: false);
        using var client = instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        WriteDerivable(temp.Combine("seed"), schema);
        SeedFiles.Write(temp.Combine("seed", "e_users.json"), SeedTables.Users, null,
            SeedFiles.Item("user-alice", ("email", $"alice-{suffix}@example.com".ToLowerInvariant()), ("role", Placeholders.AdminRole)));
        var options = new SeedOptions { SeedPaths = [temp.Combine("seed")], IdMaps = IdMapMode.Auto };
        var log = new RecordingSyncLog();

        // When the seeds are pushed
        var first = await new SeedEngine(client, log).PushAsync(options);

        // Then auto said it derives, everything is created under the derived ids, and no map was asked for
        log.Lines.Should().Contain(l => l.Contains("directus-extension-sync does not answer", StringComparison.Ordinal));
        first.Plan.Plan.Operations.Should().NotContain(o => o is CreateIdMap || o is DeleteIdMap);
        first.Counts.Values.Sum(c => c.Created).Should().Be(3 + 3 + 4 + 3 + 1);
        var cities = await schema.ItemsAsync(schema.City);
        cities.Select(c => (c.Value<string>("id"), c.Value<string>("name"), c.Value<int>("country"))).Should().BeEquivalentTo([
            (SeedIdentity.UuidOf(schema.City, "city-paris"), "Paris", 101), (SeedIdentity.UuidOf(schema.City, "city-lyon"), "Lyon", 101),
            (SeedIdentity.UuidOf(schema.City, "city-brussels"), "Brussels", 102), (SeedIdentity.UuidOf(schema.City, "city-berlin"), "Berlin", 103)]);
        var alice = await client.GetAsync($"/users/{SeedIdentity.UuidOf(SeedTables.Users, "user-alice")}");
        alice!.Value<string>("role").Should().Be(await new DirectusServer(client).GetCurrentUserRoleAsync());

        // And a second runner, with a fresh copy of the seeds and a client of its own, has nothing to do
        var clone = temp.CopyOf(temp.Combine("seed"), "clone");
        using var secondRunner = instance.CreateClient();
        var second = await new SeedEngine(secondRunner).PushAsync(options with { SeedPaths = [clone] });
        second.Plan.Plan.Operations.Should().BeEmpty();
        (await schema.ItemsAsync(schema.City)).Should().HaveCount(4);

        // And a seed of an integer-keyed collection whose items give no key is refused, naming its file, before any write
        var refused = temp.Combine("refused", "country.json");
        SeedFiles.Write(refused, schema.Country, null, SeedFiles.Item("country-it", ("name", "Italy")));
        var act = () => new SeedEngine(client).PushAsync(new SeedOptions { SeedPaths = [refused], IdMaps = IdMapMode.Derived });
        (await act.Should().ThrowAsync<DumpFileException>()).Which.Message.Should().Contain(refused).And.Contain("preserve_ids");
        (await schema.ItemsAsync(schema.Country)).Should().HaveCount(3);
    }

    [Fact]
    public async Task Should_keep_every_item_and_its_id_When_a_seeded_project_moves_from_the_extensions_table_to_derived_and_back()
    {
        // Given seeds pushed in extension mode
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        WriteDerivable(temp.Path, schema);
        var extension = new SeedOptions { SeedPaths = [temp.Path], IdMaps = IdMapMode.Extension };
        await new SeedEngine(client).PushAsync(extension);
        var before = await IdsAsync(schema);

        // When the project moves to the extension-less mode
        var derived = await new SeedEngine(client).PushAsync(extension with { IdMaps = IdMapMode.Derived });

        // Then nothing is planned: the items extension mode created carry the ids the derived mode expects
        derived.Plan.Plan.Operations.Should().BeEmpty();
        (await IdsAsync(schema)).Should().BeEquivalentTo(before);

        // And when a city is added without the extension and the project moves back
        SeedFiles.Write(Path.Combine(temp.Path, "b_city_more.json"), schema.City, new JObject { ["insert_order"] = 3 },
            SeedFiles.Item("city-hamburg", ("name", "Hamburg"), ("country", "103")));
        await new SeedEngine(client).PushAsync(extension with { IdMaps = IdMapMode.Derived });
        var back = await new SeedEngine(client).PushAsync(extension);

        // Then extension mode maps the new city instead of creating it again, and after that has nothing to do
        back.Plan.Plan.Operations.Should().ContainSingle().Which.Should().BeOfType<CreateIdMap>()
            .Which.LocalId.Should().Be(SeedIdentity.UuidOf(schema.City, "city-hamburg"));
        (await schema.ItemsAsync(schema.City)).Should().HaveCount(5);
        (await new IdMapClient(client).ListAsync($"items::{schema.City}")).Should().Contain(m => m.SyncId == "city-hamburg");
        (await new SeedEngine(client).DiffAsync(extension)).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task Should_refuse_derived_before_any_write_When_the_extension_maps_a_seed_item_to_another_id()
    {
        // Given a city created with a random id and mapped by the extension (as the reference seeds)
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        var randomId = Guid.NewGuid().ToString();
        await client.PostAsync($"/items/{schema.City}", new JObject { ["id"] = randomId, ["name"] = "Paris" });
        await new IdMapClient(client).CreateAsync($"items::{schema.City}", randomId, "city-paris");
        using var temp = new TempFolder();
        SeedFiles.Write(temp.Combine("city.json"), schema.City, null, SeedFiles.Item("city-paris", ("name", "Paris, France")));

        // When the seeds are pushed without the extension's table
        var act = () => new SeedEngine(client).PushAsync(new SeedOptions { SeedPaths = [temp.Path], IdMaps = IdMapMode.Derived });

        // Then the push stops, says why, and the city is neither created again nor changed
        (await act.Should().ThrowAsync<SyncOptionsException>()).Which.Message.Should().Contain("city-paris").And.Contain("--id-maps extension");
        (await schema.ItemsAsync(schema.City)).Select(c => (c.Value<string>("id"), c.Value<string>("name"))).Should().Equal((randomId, "Paris"));
    }

    /// <summary>
    /// The seed-basic data with ids every run agrees on: languages give their key, countries and junction rows keep
    /// their sync id as key (preserve_ids), cities (uuid) derive theirs.
    /// </summary>
    private static void WriteDerivable(string folder, SeedSchema schema)
    {
        var preserve = new JObject { ["preserve_ids"] = true };
        SeedFiles.Write(Path.Combine(folder, "a_country_language.json"), schema.Junction, new JObject(preserve) { ["insert_order"] = 4 },
            SeedFiles.Item("1", ("country", "101"), ("language", "lang-fr")),
            SeedFiles.Item("2", ("country", "102"), ("language", "lang-fr")),
            SeedFiles.Item("3", ("country", "103"), ("language", "lang-de")));
        SeedFiles.Write(Path.Combine(folder, "b_city.json"), schema.City, new JObject { ["insert_order"] = 3 },
            SeedFiles.Item("city-paris", ("name", "Paris"), ("country", "101")),
            SeedFiles.Item("city-lyon", ("name", "Lyon"), ("country", "101")),
            SeedFiles.Item("city-brussels", ("name", "Brussels"), ("country", "102")),
            SeedFiles.Item("city-berlin", ("name", "Berlin"), ("country", "103")));
        SeedFiles.Write(Path.Combine(folder, "c_country.json"), schema.Country, new JObject(preserve) { ["insert_order"] = 2 },
            SeedFiles.Item("101", ("name", "France")),
            SeedFiles.Item("102", ("name", "Belgium")),
            SeedFiles.Item("103", ("name", "Germany")));
        SeedFiles.Write(Path.Combine(folder, "d_language.json"), schema.Language, new JObject { ["insert_order"] = 1 },
            SeedFiles.Item("lang-fr", ("code", "fr"), ("name", "French")),
            SeedFiles.Item("lang-de", ("code", "de"), ("name", "German")),
            SeedFiles.Item("lang-en", ("code", "en"), ("name", "English")));
    }

    private static async Task<List<string>> IdsAsync(SeedSchema schema)
    {
        var ids = new List<string>();
        foreach (var collection in new[] { schema.Language, schema.Country, schema.City, schema.Junction })
        {
            var key = collection == schema.Language ? "code" : "id";
            ids.AddRange((await schema.ItemsAsync(collection)).Select(i => $"{collection}:{i[key]}"));
        }

        return ids;
    }
}
