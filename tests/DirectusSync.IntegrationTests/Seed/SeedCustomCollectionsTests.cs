using DirectusSync.Core.Seed;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Seed;

/// <summary>Seeds of custom collections against the real Directus (e2e #57, plus update, delete, unchanged and bad input).</summary>
[Collection(DirectusCollection.Name)]
public sealed class SeedCustomCollectionsTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_create_every_item_with_its_relations_and_maps_When_seeds_are_pushed_to_an_empty_schema()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        SeedFiles.WriteBasic(temp.Path, schema);
        var options = new SeedOptions { SeedPaths = [temp.Path] };
        var diffLog = new RecordingSyncLog();
        var pushLog = new RecordingSyncLog();

        // When
        var diff = await new SeedEngine(client, diffLog).DiffAsync(options);
        var result = await new SeedEngine(client, pushLog).PushAsync(options);

        // Then
        diff.Collections.Select(c => c.Collection).Should().Equal(schema.Language, schema.Country, schema.City, schema.Junction);
        diffLog.Lines.Should().Contain([
            $"[{schema.Language}] To create: 3 item(s)", $"[{schema.Country}] To create: 3 item(s)",
            $"[{schema.City}] To create: 4 item(s)", $"[{schema.Junction}] To create: 3 item(s)",
            $"[{schema.City}] To update: 0 item(s)", $"[{schema.City}] To delete: 0 item(s)", $"[{schema.City}] Unchanged: 0 item(s)"]);
        pushLog.Lines.Should().Contain([
            $"[{schema.Language}] Created 3 items", $"[{schema.Country}] Created 3 items",
            $"[{schema.City}] Created 4 items", $"[{schema.Junction}] Created 3 items"]);
        result.Passes.Should().Be(1, "insert_order puts every item after what it points at");

        var idMaps = new IdMapClient(client);
        var languageMaps = await idMaps.ListAsync($"items::{schema.Language}");
        languageMaps.Select(m => (m.SyncId, m.LocalId)).Should().BeEquivalentTo([("lang-fr", "fr"), ("lang-de", "de"), ("lang-en", "en")]);
        var countryIds = (await idMaps.ListAsync($"items::{schema.Country}")).ToDictionary(m => m.SyncId, m => m.LocalId);
        countryIds.Should().HaveCount(3);
        (await idMaps.ListAsync($"items::{schema.City}")).Should().HaveCount(4);
        (await idMaps.ListAsync($"items::{schema.Junction}")).Should().HaveCount(3);

        var cities = await schema.ItemsAsync(schema.City);
        cities.Select(c => (c.Value<string>("name"), c["country"]!.ToString())).Should().BeEquivalentTo([
            ("Berlin", countryIds["country-de"]), ("Brussels", countryIds["country-be"]), ("Lyon", countryIds["country-fr"]), ("Paris", countryIds["country-fr"])]);
        var rows = (JArray)(await client.GetAsync($"/items/{schema.Junction}?limit=-1"))!;
        rows.Select(r => (r["country"]!.ToString(), r.Value<string>("language"))).Should().BeEquivalentTo([
            (countryIds["country-fr"], "fr"), (countryIds["country-be"], "fr"), (countryIds["country-de"], "de")]);
    }

    [Fact]
    public async Task Should_report_nothing_to_do_When_the_same_seeds_are_pushed_again()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        SeedFiles.WriteBasic(temp.Path, schema);
        var options = new SeedOptions { SeedPaths = [temp.Path] };
        await new SeedEngine(client).PushAsync(options);

        // When
        var diff = await new SeedEngine(client).DiffAsync(options);

        // Then
        diff.IsEmpty.Should().BeTrue();
        diff.Collections.Select(c => c.Unchanged).Should().Equal(3, 3, 4, 3);
    }

    [Fact]
    public async Task Should_update_changed_fields_and_delete_removed_items_When_seeds_change()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        SeedFiles.WriteBasic(temp.Path, schema);
        var options = new SeedOptions { SeedPaths = [temp.Path] };
        await new SeedEngine(client).PushAsync(options);
        SeedFiles.Write(temp.Combine("b_city.json"), schema.City, new JObject { ["insert_order"] = 3 },
            SeedFiles.Item("city-paris", ("name", "Paris!"), ("country", "country-fr")),
            SeedFiles.Item("city-lyon", ("name", "Lyon"), ("country", "country-be")),
            SeedFiles.Item("city-brussels", ("name", "Brussels"), ("country", "country-be")));
        var log = new RecordingSyncLog();

        // When
        var diff = await new SeedEngine(client).DiffAsync(options);
        await new SeedEngine(client, log).PushAsync(options);

        // Then
        var city = diff.Collections.Single(c => c.Collection == schema.City);
        city.Updates.Select(u => u.Item.SyncId).Should().BeEquivalentTo("city-paris", "city-lyon");
        city.Updates.Single(u => u.Item.SyncId == "city-paris").Changes.Properties().Select(p => p.Name).Should().Equal("name");
        city.Deletes.Select(m => m.SyncId).Should().Equal("city-berlin");
        log.Lines.Should().Contain([$"[{schema.City}] Updated 2 items", $"[{schema.City}] Deleted 1 items"]);
        var countryIds = (await new IdMapClient(client).ListAsync($"items::{schema.Country}")).ToDictionary(m => m.SyncId, m => m.LocalId);
        (await schema.ItemsAsync(schema.City)).Select(c => (c.Value<string>("name"), c["country"]!.ToString())).Should().BeEquivalentTo([
            ("Brussels", countryIds["country-be"]), ("Lyon", countryIds["country-be"]), ("Paris!", countryIds["country-fr"])]);
        (await new IdMapClient(client).ListAsync($"items::{schema.City}")).Select(m => m.SyncId).Should().NotContain("city-berlin");
        (await new SeedEngine(client).DiffAsync(options)).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task Should_delete_nothing_without_consent_When_a_seed_file_was_emptied()
    {
        // Given four seeded cities, then their seed file emptied (a truncated or wrongly generated file)
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        SeedFiles.WriteBasic(temp.Path, schema);
        var options = new SeedOptions { SeedPaths = [temp.Path] };
        await new SeedEngine(client).PushAsync(options);
        SeedFiles.Write(temp.Combine("b_city.json"), schema.City, new JObject { ["insert_order"] = 3 });

        // When
        var refused = () => new SeedEngine(client).PushAsync(options);

        // Then the deletion guard stops it before any write, naming the collection
        (await refused.Should().ThrowAsync<Core.Workflow.DeletionRefusedException>())
            .Which.Message.Should().Contain(schema.City).And.Contain("4 of 4").And.Contain("--allow-deletes");
        (await schema.ItemsAsync(schema.City)).Should().HaveCount(4);

        // When the user consents
        await new SeedEngine(client).PushAsync(options with { AllowDeletes = true });

        // Then the cities are gone
        (await schema.ItemsAsync(schema.City)).Should().BeEmpty();
    }

    [Fact]
    public async Task Should_recreate_the_item_When_its_target_item_was_deleted_by_hand()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        SeedFiles.WriteBasic(temp.Path, schema);
        var options = new SeedOptions { SeedPaths = [temp.Path] };
        await new SeedEngine(client).PushAsync(options);
        await client.DeleteAsync($"/items/{schema.Language}/en");
        var log = new RecordingSyncLog();

        // When
        var diff = await new SeedEngine(client).DiffAsync(options);
        await new SeedEngine(client, log).PushAsync(options);

        // Then
        var language = diff.Collections.Single(c => c.Collection == schema.Language);
        language.Dangling.Select(m => m.SyncId).Should().Equal("lang-en");
        language.Creates.Select(i => i.SyncId).Should().Equal("lang-en");
        log.Lines.Should().Contain([$"[{schema.Language}] Deleted 1 dangling items", $"[{schema.Language}] Created 1 items"]);
        (await schema.ItemsAsync(schema.Language)).Select(l => l.Value<string>("code")).Should().BeEquivalentTo("fr", "de", "en");
    }

    [Fact]
    public async Task Should_create_items_in_dependency_order_and_keep_ids_When_there_is_no_insert_order_and_ids_are_preserved()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        var cityId = Guid.NewGuid().ToString();
        SeedFiles.Write(temp.Combine("a.json"), schema.City, new JObject { ["preserve_ids"] = true },
            SeedFiles.Item(cityId, ("name", "Paris"), ("country", "country-fr")));
        SeedFiles.Write(temp.Combine("b.json"), schema.Country, null, SeedFiles.Item("country-fr", ("name", "France")));

        // When
        var result = await new SeedEngine(client).PushAsync(new SeedOptions { SeedPaths = [temp.Combine("a.json"), temp.Combine("b.json")] });

        // Then
        result.Passes.Should().Be(2);
        var city = (await schema.ItemsAsync(schema.City)).Should().ContainSingle().Which;
        city.Value<string>("id").Should().Be(cityId);
        (await new IdMapClient(client).ListAsync($"items::{schema.City}")).Should().ContainSingle().Which.LocalId.Should().Be(cityId);
    }

    [Fact]
    public async Task Should_name_the_file_item_and_field_and_write_nothing_When_a_relation_points_at_an_unknown_sync_id()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        SeedFiles.WriteBasic(temp.Path, schema);
        SeedFiles.Write(temp.Combine("b_city.json"), schema.City, new JObject { ["insert_order"] = 3 },
            SeedFiles.Item("city-rome", ("name", "Rome"), ("country", "country-it")));

        // When
        var act = () => new SeedEngine(client).PushAsync(new SeedOptions { SeedPaths = [temp.Path] });

        // Then
        var error = (await act.Should().ThrowAsync<DumpFileException>()).Which;
        error.FilePath.Should().Be(temp.Combine("b_city.json"));
        error.Problem.Should().Contain("\"city-rome\"").And.Contain("field \"country\"").And.Contain("\"country-it\"");
        await ShouldBeEmptyAsync(client, schema);
    }

    [Fact]
    public async Task Should_name_the_file_and_write_nothing_When_a_collection_is_not_on_the_target()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        SeedFiles.WriteBasic(temp.Path, schema);
        SeedFiles.Write(temp.Combine("z_planet.json"), "planet_nowhere", null, SeedFiles.Item("earth", ("name", "Earth")));

        // When
        var act = () => new SeedEngine(client).PushAsync(new SeedOptions { SeedPaths = [temp.Path] });

        // Then
        (await act.Should().ThrowAsync<DumpFileException>()).Which.Message.Should()
            .Be($"{temp.Combine("z_planet.json")}: collection \"planet_nowhere\" does not exist on the target (create it with a schema push first)");
        await ShouldBeEmptyAsync(client, schema);
    }

    [Theory]
    [InlineData("{\"collection\": \"COLLECTION\", \"data\": [ {\"_sync_id\": \"x\",} ]}", "line 1")]
    [InlineData("{\"collection\": \"COLLECTION\", \"data\": [ {\"code\": \"x\"} ]}", "has no \"_sync_id\"")]
    public async Task Should_name_the_file_and_write_nothing_When_a_seed_file_is_bad(string content, string problem)
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        SeedFiles.WriteBasic(temp.Path, schema);
        await File.WriteAllTextAsync(temp.Combine("z_bad.json"), content.Replace("COLLECTION", schema.Language));

        // When
        var act = () => new SeedEngine(client).PushAsync(new SeedOptions { SeedPaths = [temp.Path] });

        // Then
        (await act.Should().ThrowAsync<DumpFileException>()).Which.Message.Should().StartWith(temp.Combine("z_bad.json")).And.Contain(problem);
        await ShouldBeEmptyAsync(client, schema);
    }

    private static async Task ShouldBeEmptyAsync(DirectusClient client, SeedSchema schema)
    {
        foreach (var collection in new[] { schema.Language, schema.Country, schema.City, schema.Junction })
        {
            (await schema.ItemsAsync(collection)).Should().BeEmpty();
            (await new IdMapClient(client).ListAsync($"items::{collection}")).Should().BeEmpty();
        }
    }
}
