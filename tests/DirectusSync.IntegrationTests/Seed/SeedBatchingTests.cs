using DirectusSync.Core.Plan;
using DirectusSync.Core.Seed;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Seed;

/// <summary>A seed push sends its plan in batches, like the system collections: one request per collection and kind.</summary>
[Collection(DirectusCollection.Name)]
public sealed class SeedBatchingTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_send_each_collections_creates_updates_and_deletes_in_one_request_When_seeds_are_pushed()
    {
        // Given a string-keyed, two integer-keyed and a uuid-keyed collection
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        SeedFiles.WriteBasic(temp.Path, schema);
        var options = new SeedOptions { SeedPaths = [temp.Path] };
        var createLog = new RecordingSyncLog();

        // When
        var created = await new SeedEngine(client, createLog).PushAsync(options);

        // Then one POST per collection, and every create of the plan was sent
        createLog.Lines.Where(l => l.Contains(" POST ", StringComparison.Ordinal)).Should().BeEquivalentTo(
            $"[{schema.Language}] POST /items/{schema.Language}: 3 item(s) in one request",
            $"[{schema.Country}] POST /items/{schema.Country}: 3 item(s) in one request",
            $"[{schema.City}] POST /items/{schema.City}: 4 item(s) in one request",
            $"[{schema.Junction}] POST /items/{schema.Junction}: 3 item(s) in one request");
        created.Plan.Plan.Operations.OfType<CreateItem>().Should().HaveCount(13);
        created.Counts.Values.Sum(c => c.Created).Should().Be(13);

        // Given two cities changed and one removed
        SeedFiles.Write(temp.Combine("b_city.json"), schema.City, new JObject { ["insert_order"] = 3 },
            SeedFiles.Item("city-paris", ("name", "Paris!"), ("country", "country-fr")),
            SeedFiles.Item("city-lyon", ("name", "Lyon"), ("country", "country-be")),
            SeedFiles.Item("city-brussels", ("name", "Brussels"), ("country", "country-be")));
        var changeLog = new RecordingSyncLog();

        // When
        var changed = await new SeedEngine(client, changeLog).PushAsync(options);

        // Then one PATCH and one DELETE, matching the plan's operations
        changed.Plan.Plan.Operations.Select(o => (o.Kind, o.SyncId)).Should().BeEquivalentTo([("update", "city-paris"), ("update", "city-lyon"), ("delete", "city-berlin")]);
        changeLog.Lines.Where(l => l.Contains(" POST ", StringComparison.Ordinal) || l.Contains(" PATCH ", StringComparison.Ordinal) || l.Contains(" DELETE ", StringComparison.Ordinal))
            .Should().Equal(
                $"[{schema.City}] PATCH /items/{schema.City}: 2 item(s) in one request",
                $"[{schema.City}] DELETE /items/{schema.City}: 1 item(s) in one request");
        (await schema.ItemsAsync(schema.City)).Select(c => c.Value<string>("name")).Should().BeEquivalentTo("Brussels", "Lyon", "Paris!");
        (await new SeedEngine(client).DiffAsync(options)).Plan.Plan.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task Should_write_nothing_and_report_the_guard_When_a_push_is_a_dry_run()
    {
        // Given four seeded cities, then their seed file emptied
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        SeedFiles.WriteBasic(temp.Path, schema);
        var options = new SeedOptions { SeedPaths = [temp.Path] };
        await new SeedEngine(client).PushAsync(options);
        SeedFiles.Write(temp.Combine("b_city.json"), schema.City, new JObject { ["insert_order"] = 3 });
        var log = new RecordingSyncLog();

        // When
        var result = await new SeedEngine(client, log).PushAsync(options with { DryRun = true });

        // Then the deletes are planned and shown, the guard's refusal reported, and nothing deleted
        result.DryRun.Should().BeTrue();
        result.Plan.Plan.Operations.OfType<DeleteItem>().Should().HaveCount(4);
        result.Verdict.IsRefused.Should().BeTrue();
        log.Lines.Should().Contain($"[{schema.City}] To delete: 4 item(s)");
        (await schema.ItemsAsync(schema.City)).Should().HaveCount(4);
    }
}
