using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Scenarios.Support;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios;

/// <summary>The reference's e2e section G: the split snapshot's file names, and the id-map table kept out of the schema.</summary>
[Collection(DirectusCollection.Name)]
public sealed class SnapshotScenarios(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_give_later_names_a_numbered_file_When_collection_or_field_names_differ_only_by_case()
    {
        // e2e #33 (group-and-field-names-conflict). The reference pushes a fixture with a collection "profile",
        // a group collection "Profile", a field "content" and an alias group "Content"; we create the same
        // shapes on the shared instance (names suffixed) through REST, then pull.
        // Given
        using var client = fixture.Instance.CreateClient();
        var suffix = SampleConfiguration.NewSuffix();
        var group = $"Profile_{suffix}";
        var table = $"profile_{suffix}";
        await client.PostAsync("/collections", new JObject { ["collection"] = group, ["meta"] = new JObject { ["icon"] = "folder" }, ["schema"] = null });
        await client.PostAsync("/collections", new JObject
        {
            ["collection"] = table,
            ["meta"] = new JObject { ["group"] = group },
            ["schema"] = new JObject(),
            ["fields"] = new JArray(
                new JObject { ["field"] = "id", ["type"] = "integer", ["meta"] = new JObject { ["hidden"] = true }, ["schema"] = new JObject { ["is_primary_key"] = true, ["has_auto_increment"] = true } },
                new JObject { ["field"] = "avatar_url", ["type"] = "string", ["meta"] = new JObject(), ["schema"] = new JObject() }),
        });
        await client.PostAsync($"/fields/{table}", new JObject
        {
            ["field"] = "Content", ["type"] = "alias",
            ["meta"] = new JObject { ["special"] = new JArray("alias", "no-data", "group"), ["interface"] = "group-detail" },
        });
        await client.PostAsync($"/fields/{table}", new JObject
        {
            ["field"] = "content", ["type"] = "text", ["meta"] = new JObject { ["group"] = "Content", ["interface"] = "input-multiline" }, ["schema"] = new JObject(),
        });
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        var options = new SyncOptions { DumpPath = temp.Path, Specs = false, Collections = false };

        // When
        await engine.PullAsync(options);

        // Then
        // The first name in the server's order keeps the bare name; the later one, equal ignoring case, gets "_2".
        var live = await new SchemaClient(client).GetSnapshotAsync();
        var collections = ((JArray)live["collections"]!).Select(c => c["collection"]!.ToString()).Where(c => c == group || c == table).ToList();
        var fields = ((JArray)live["fields"]!).Where(f => f["collection"]!.ToString() == table)
            .Select(f => f["field"]!.ToString()).Where(f => f is "Content" or "content").ToList();
        collections.Should().HaveCount(2);
        fields.Should().HaveCount(2);
        var dump = new ScenarioDump(temp.Path);
        dump.FilesUnder("snapshot/collections").Where(f => f.StartsWith(group, StringComparison.OrdinalIgnoreCase))
            .Should().BeEquivalentTo([$"{collections[0]}.json", $"{collections[1]}_2.json"]);
        dump.FilesUnder($"snapshot/fields/{table}")
            .Should().BeEquivalentTo(["id.json", "avatar_url.json", $"{fields[0]}.json", $"{fields[1]}_2.json"]);
        ReadJson(temp, "collections", $"{collections[1]}_2.json")["collection"]!.ToString().Should().Be(collections[1]);
        ReadJson(temp, $"fields/{table}", $"{fields[1]}_2.json")["field"]!.ToString().Should().Be(fields[1]);
        (await engine.DiffAsync(options)).Plan.Schema.Should().BeNull("the numbered files read back as the same schema");
    }

    [Fact]
    public async Task Should_find_no_schema_change_When_the_dump_snapshot_still_holds_the_id_map_table()
    {
        // e2e #34 (sync-id-map excluded from snapshot). The reference's fixture lost its id-map files, which
        // made the check vacuous; we write them into the snapshot as a dump made before Directus 11.10 holds them.
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        var options = new SyncOptions { DumpPath = temp.Path, Specs = false, Collections = false };
        await engine.PullAsync(options);
        var dump = new ScenarioDump(temp.Path);
        var pulledFiles = dump.FilesUnder("snapshot");
        WriteJson(temp, "collections", "directus_sync_id_map.json", new JObject
        {
            ["collection"] = SnapshotStore.IdMapTable, ["meta"] = null, ["schema"] = new JObject { ["name"] = SnapshotStore.IdMapTable },
        });
        foreach (var (field, type) in new[] { ("id", "integer"), ("table", "string"), ("sync_id", "string"), ("local_id", "string"), ("created_at", "timestamp") })
        {
            WriteJson(temp, $"fields/{SnapshotStore.IdMapTable}", $"{field}.json", new JObject
            {
                ["collection"] = SnapshotStore.IdMapTable, ["field"] = field, ["type"] = type, ["meta"] = null,
                ["schema"] = new JObject
                {
                    ["name"] = field, ["table"] = SnapshotStore.IdMapTable, ["data_type"] = type == "timestamp" ? "datetime" : type == "integer" ? "integer" : "varchar",
                    ["default_value"] = null, ["max_length"] = type == "string" ? 255 : null, ["numeric_precision"] = null, ["numeric_scale"] = null,
                    ["is_nullable"] = field == "created_at", ["is_unique"] = false, ["is_indexed"] = false, ["is_primary_key"] = field == "id",
                    ["is_generated"] = false, ["generation_expression"] = null, ["has_auto_increment"] = field == "id",
                    ["foreign_key_table"] = null, ["foreign_key_column"] = null,
                },
            });
        }

        // When
        var diff = await engine.DiffAsync(options);
        var push = await engine.PushAsync(options);

        // Then
        pulledFiles.Should().NotContain(f => f.Contains(SnapshotStore.IdMapTable, StringComparison.Ordinal), "a pull never writes the id-map table");
        diff.Plan.Schema.Should().BeNull();
        push.SchemaApplied.Should().BeFalse();
    }

    private static JObject ReadJson(TempFolder temp, string folder, string file) =>
        JObject.Parse(File.ReadAllText(temp.Combine("snapshot", folder, file)));

    private static void WriteJson(TempFolder temp, string folder, string file, JObject content)
    {
        var path = temp.Combine("snapshot", folder, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ToString());
    }
}
