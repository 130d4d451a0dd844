using DirectusSync.Core.Logging;
using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Scenarios.Support;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Compatibility;

/// <summary>
/// Dumps written by directus-sync 3.5.1 and 3.4.1 for the sample configuration (<c>Fixtures/</c>, see its
/// README) push into an empty Directus in one pass, leave nothing to do, and pull back as 3.5.1 writes them.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class DumpFormatTests
{
    private const string EditorPolicy = "a6a9d57b-51f6-43cb-a4ee-1127c04ec5f6";

    [Theory]
    [InlineData("3.5.1", "11.17.4")]
    [InlineData("3.4.1", "11.17.4")]
    [InlineData("3.5.1", "12.4.0")]
    [InlineData("3.4.1", "12.4.0")]
    public async Task Should_push_in_one_pass_leave_nothing_to_do_and_pull_back_3_5_1_s_dump_When_pushing_a_dump_of_that_version(string format, string directus)
    {
        // Given an empty instance with the sample's schema, and the fixture copied out of the repository
        await using var instance = await DirectusInstance.StartAsync($"format-{format.Replace('.', '-')}-{directus.Replace('.', '-')}-{SampleConfiguration.NewSuffix()}", directus);
        using var client = instance.CreateClient();
        await new SampleConfiguration(client, "fixture").CreateSchemaAsync();
        using var temp = new TempFolder();
        CopyFixture(format, temp.Combine("dump"));
        var options = new SyncOptions { DumpPath = temp.Combine("dump"), Snapshot = false };
        var log = new LevelledSyncLog();
        var engine = new DirectusSyncEngine(client, log);

        // When
        await engine.PushAsync(options);
        var after = await engine.DiffAsync(options);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Combine("back"), Snapshot = false, Specs = false });

        // Then one pass, nothing left, and the dump 3.5.1 would pull
        log.Lines.Select(l => l.Text).Where(t => t.StartsWith("⬆️  Push: iteration", StringComparison.Ordinal)).Should().Equal("⬆️  Push: iteration 1");
        after.Plan.IsEmpty.Should().BeTrue(string.Join(", ", after.Plan.Operations.Select(o => $"{o.Kind} {o.Collection} {o.SyncId}")));
        var expected = DumpComparer.Read(FixturePath("3.5.1"));
        var back = DumpComparer.Read(temp.Combine("back"));
        back.Keys.Should().BeEquivalentTo(expected.Keys);
        foreach (var (file, text) in expected)
        {
            if (directus.StartsWith("11.", StringComparison.Ordinal))
            {
                back[file].Should().Be(text, $"{file} must come back byte for byte as 3.5.1 writes it");
                continue;
            }

            // Directus 12 has more fields (flows.folder, settings…): every key of the dump must come back as it was.
            var pulled = JArray.Parse(back[file]).OfType<JObject>().ToDictionary(i => i["_syncId"]!.ToString());
            var items = JArray.Parse(text).OfType<JObject>().ToList();
            pulled.Keys.Should().BeEquivalentTo(items.Select(i => i["_syncId"]!.ToString()), file);
            foreach (var item in items)
            {
                var kept = pulled[item["_syncId"]!.ToString()];
                foreach (var property in item.Properties().Where(p => kept.ContainsKey(p.Name)))
                {
                    kept[property.Name].Should().BeEquivalentTo(property.Value, $"{file}: {item["_syncId"]}.{property.Name}");
                }
            }
        }

        // The 3.4.1 dump's row without role was a user's on the source: reported, and not made a public row.
        var accesses = await new ServerState(client).AccessesAsync((await new ServerState(client).LocalIdOfAsync("policies", EditorPolicy))!);
        accesses.Should().OnlyContain(a => a.Role != null, "a push never opens a policy to the public on a guess");
        var warnings = log.Lines.Where(l => l.Level == SyncLogLevel.Warning).Select(l => l.Text).ToList();
        if (format == "3.4.1")
        {
            warnings.Should().ContainSingle(w => w.Contains(EditorPolicy, StringComparison.Ordinal) && w.Contains("\"roles\"", StringComparison.Ordinal));
        }

        if (directus.StartsWith("11.", StringComparison.Ordinal))
        {
            warnings.Where(w => !w.Contains(EditorPolicy, StringComparison.Ordinal)).Should().BeEmpty("11.17.4 keeps every key of a dump pulled from 11.17.4");
        }
    }

    private static string FixturePath(string format) =>
        Path.Combine(RepositoryRoot.Path, "tests", "DirectusSync.IntegrationTests", "Compatibility", "Fixtures", $"directus-sync-{format}");

    private static void CopyFixture(string format, string destination)
    {
        var source = FixturePath(format);
        foreach (var file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
