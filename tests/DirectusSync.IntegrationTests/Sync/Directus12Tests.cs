using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;

namespace DirectusSync.IntegrationTests.Sync;

/// <summary>
/// The same sync on Directus 12.4.0 (unlicensed "Core": ≤ 25 collections, ≤ 5 active flows, ≤ 3 users,
/// permissions only with fields ["*"] and no rules).
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class Directus12Tests
{
    private const string Version = "12.4.0";

    [Fact]
    public async Task Should_round_trip_between_two_instances_When_both_run_Directus_12()
    {
        // Given
        var suffix = SampleConfiguration.NewSuffix();
        await using var a = await DirectusInstance.StartAsync($"v12-a-{suffix}", Version);
        await using var b = await DirectusInstance.StartAsync($"v12-b-{suffix}", Version);
        using var source = a.CreateClient();
        using var target = b.CreateClient();
        var sample = new SampleConfiguration(source, suffix);
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync(customPermissionRules: false);
        using var temp = new TempFolder();
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = temp.Combine("a") });

        // When
        var engine = new DirectusSyncEngine(target);
        await engine.PushAsync(new SyncOptions { DumpPath = temp.Combine("a") });
        var diff = await engine.DiffAsync(new SyncOptions { DumpPath = temp.Combine("a") });
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Combine("b") });

        // Then
        diff.Server.Version.Major.Should().Be(12);
        diff.Plan.IsEmpty.Should().BeTrue(string.Join(", ", diff.Plan.Operations.Select(o => $"{o.Kind} {o.Collection} {o.SyncId}")));
        var pulledBack = DumpComparer.Read(temp.Combine("b"));
        foreach (var (file, text) in DumpComparer.Read(temp.Combine("a")).Where(f => f.Key.StartsWith("collections/", StringComparison.Ordinal)))
        {
            Newtonsoft.Json.Linq.JToken.Parse(pulledBack[file]).Should().BeEquivalentTo(Newtonsoft.Json.Linq.JToken.Parse(text), file);
        }
    }

    [Fact]
    public async Task Should_send_updates_as_one_batch_import_When_the_target_runs_Directus_12_2_or_later()
    {
        // Given a target that holds the source's configuration, and a dump edited in several collections
        var suffix = SampleConfiguration.NewSuffix();
        await using var a = await DirectusInstance.StartAsync($"v12-import-a-{suffix}", Version);
        await using var b = await DirectusInstance.StartAsync($"v12-import-b-{suffix}", Version);
        using var source = a.CreateClient();
        var sample = new SampleConfiguration(source, suffix);
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync(customPermissionRules: false);
        using var temp = new TempFolder();
        var dump = temp.Combine("dump");
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = dump });
        var recorder = new RecordingHandler();
        using var target = b.CreateClient(recorder);
        var engine = new DirectusSyncEngine(target);
        await engine.PushAsync(new SyncOptions { DumpPath = dump });
        Edit(dump, "roles", r => r["name"] = $"{r["name"]} (renamed)");
        Edit(dump, "translations", t => t["value"] = $"{t["value"]} (reworded)");
        Edit(dump, "presets", p => p["bookmark"] = $"{p["bookmark"]} (moved)");
        Edit(dump, "settings", s => s["project_name"] = "Renamed project");
        recorder.Clear();

        // When
        var result = await engine.PushAsync(new SyncOptions { DumpPath = dump });

        // Then one import carried them all, nothing was patched item by item, and nothing is left to do
        recorder.Requests.Count(r => r == "POST /utils/import?mode=merge").Should().Be(1);
        recorder.Requests.Should().NotContain(r => r.StartsWith("PATCH", StringComparison.Ordinal));
        result.Counts["roles"].Updated.Should().BeGreaterThan(0);
        result.Counts["settings"].Updated.Should().Be(1);
        var diff = await engine.DiffAsync(new SyncOptions { DumpPath = dump });
        diff.Plan.IsEmpty.Should().BeTrue(string.Join(", ", diff.Plan.Operations.Select(o => $"{o.Kind} {o.Collection} {o.SyncId}")));
        var pulled = temp.Combine("pulled");
        await engine.PullAsync(new SyncOptions { DumpPath = pulled });
        var back = DumpComparer.Read(pulled);
        foreach (var (file, text) in DumpComparer.Read(dump).Where(f => f.Key.StartsWith("collections/", StringComparison.Ordinal)))
        {
            Newtonsoft.Json.Linq.JToken.Parse(back[file]).Should().BeEquivalentTo(Newtonsoft.Json.Linq.JToken.Parse(text), file);
        }

        // And with the batch import off, the same kind of change goes item by item
        Edit(dump, "roles", r => r["name"] = $"{r["name"]} again");
        recorder.Clear();
        await engine.PushAsync(new SyncOptions { DumpPath = dump, BatchImport = false });
        recorder.Requests.Should().NotContain(r => r.StartsWith("POST /utils/import", StringComparison.Ordinal)).And.Contain(r => r.StartsWith("PATCH /roles/", StringComparison.Ordinal));
        (await engine.DiffAsync(new SyncOptions { DumpPath = dump })).Plan.IsEmpty.Should().BeTrue();

        // And a merge push asks Directus for a merge schema diff: a collection the dump lacks stays
        var extra = $"extra_{suffix}";
        await target.PostAsync("/collections", Newtonsoft.Json.Linq.JObject.FromObject(new { collection = extra, meta = new { icon = "box" }, schema = new { } }));
        recorder.Clear();
        await engine.PushAsync(new SyncOptions { DumpPath = dump, Mode = PushMode.Merge });
        recorder.Requests.Should().Contain("POST /schema/diff?mode=merge");
        (await target.GetAsync($"/collections/{extra}"))!["collection"]!.ToString().Should().Be(extra);
    }

    [Fact]
    public async Task Should_say_the_licence_refuses_it_When_pushing_custom_permission_rules_into_unlicensed_12()
    {
        // Given an 11.17.4 dump with a filtered permission
        var suffix = SampleConfiguration.NewSuffix();
        await using var eleven = await DirectusInstance.StartAsync($"v11-src-{suffix}");
        await using var twelve = await DirectusInstance.StartAsync($"v12-dst-{suffix}", Version);
        using var source = eleven.CreateClient();
        var sample = new SampleConfiguration(source, suffix);
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync(customPermissionRules: true);
        using var temp = new TempFolder();
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = temp.Path });
        using var target = twelve.CreateClient();

        // When
        var act = () => new DirectusSyncEngine(target).PushAsync(new SyncOptions { DumpPath = temp.Path, Force = true });

        // Then
        (await act.Should().ThrowAsync<DirectusApiException>())
            .Where(e => e.ErrorCode == "RESOURCE_RESTRICTED")
            .WithMessage("*without a licence*custom permission rules*");
    }

    [Fact]
    public async Task Should_blame_the_licence_not_the_credentials_When_the_cli_pushes_custom_permission_rules_into_unlicensed_12()
    {
        // Given an 11.17.4 dump with a filtered permission
        var suffix = SampleConfiguration.NewSuffix();
        await using var eleven = await DirectusInstance.StartAsync($"v11-cli-{suffix}");
        await using var twelve = await DirectusInstance.StartAsync($"v12-cli-{suffix}", Version);
        using var source = eleven.CreateClient();
        var sample = new SampleConfiguration(source, suffix);
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync(customPermissionRules: true);
        using var temp = new TempFolder();
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = temp.Path });

        // When
        var result = await DirectusSync.IntegrationTests.Cli.CliProcess.For(twelve, temp.Path).RunAsync("push", "--dump-path", temp.Path, "--force");

        // Then: a 403 RESOURCE_RESTRICTED is a licence restriction; new credentials would not help
        result.ExitCode.Should().Be(1, result.ToString());
        result.StdErr.Should().Contain("RESOURCE_RESTRICTED").And.Contain("without a licence");
        result.StdErr.Should().NotContain("administrator's token").And.NotContain("Check the credentials");
    }

    private static void Edit(string dump, string collection, Action<Newtonsoft.Json.Linq.JObject> change)
    {
        var file = Path.Combine(dump, "collections", $"{collection}.json");
        var items = Newtonsoft.Json.Linq.JArray.Parse(File.ReadAllText(file));
        foreach (var item in items.OfType<Newtonsoft.Json.Linq.JObject>())
        {
            change(item);
        }

        File.WriteAllText(file, items.ToString());
    }
}
