using DirectusSync.Core.Logging;
using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Scenarios.Support;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Compatibility;

/// <summary>
/// A key in a dump that Directus does not keep (an older or newer format, a hand edit) is a warning naming file,
/// item and key, reported once; the push converges and the diff after it is clean.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class NotKeptKeyTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_push_and_warn_once_per_item_and_key_When_dump_items_carry_a_key_that_is_no_field_of_Directus()
    {
        // Given a dump just pulled, whose dashboard (existing) and a new dashboard carry a key Directus has not
        using var client = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(client, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync();
        using var temp = new TempFolder();
        var options = new SyncOptions { DumpPath = temp.Path, Snapshot = false, Specs = false };
        await new DirectusSyncEngine(client).PullAsync(options);
        var dump = new ScenarioDump(temp.Path);
        var existing = (await new ServerState(client).SyncIdOfAsync("dashboards", sample.Ids["dashboard"]))!;
        dump.Edit("dashboards", existing, d => d["layout_v2"] = new JObject { ["grid"] = 12 });
        var added = DumpItems.Dashboard(DumpItems.NewSyncId(), $"Added {sample.Suffix}");
        added["layout_v2"] = new JObject { ["grid"] = 6 };
        dump.Append("dashboards", added);
        var log = new LevelledSyncLog();
        var engine = new DirectusSyncEngine(client, log);

        // When
        var push = await engine.PushAsync(options);
        var after = await new DirectusSyncEngine(client).DiffAsync(options);

        // Then
        push.Counts["dashboards"].Created.Should().Be(1);
        var warnings = log.Lines.Where(l => l.Level == SyncLogLevel.Warning && l.Text.Contains("\"layout_v2\"", StringComparison.Ordinal)).Select(l => l.Text).ToList();
        warnings.Should().HaveCount(2, "one warning per item and key, however many passes the push takes");
        warnings.Should().ContainSingle(w => w.Contains(existing, StringComparison.Ordinal))
            .Which.Should().StartWith("[dashboards] ").And.Contain(Path.Combine(temp.Path, "collections", "dashboards.json"));
        warnings.Should().ContainSingle(w => w.Contains(added["_syncId"]!.ToString(), StringComparison.Ordinal));
        after.Plan.IsEmpty.Should().BeTrue(string.Join(", ", after.Plan.Operations.Select(o => $"{o.Kind} {o.Collection} {o.SyncId}")));
        after.Plan.NotKept.Select(k => k.Key).Should().OnlyContain(k => k == "layout_v2");
    }
}
