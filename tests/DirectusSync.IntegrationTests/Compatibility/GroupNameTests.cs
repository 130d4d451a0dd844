using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Compatibility;

/// <summary>
/// Names that differ only by case: a folder collection named like a table (<c>Profile</c> / <c>profile</c>) and a
/// group field named like a field (<c>Content</c> / <c>content</c>). Split into <c>_2</c> files on pull, they must
/// push into an empty instance and converge.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class GroupNameTests
{
    [Fact]
    public async Task Should_push_in_one_pass_and_leave_nothing_to_do_When_a_group_and_a_folder_share_names_with_a_field_and_a_collection()
    {
        // Given
        var suffix = SampleConfiguration.NewSuffix();
        await using var source = await DirectusInstance.StartAsync($"group-a-{suffix}");
        await using var target = await DirectusInstance.StartAsync($"group-b-{suffix}");
        using var client = source.CreateClient();
        await client.PostAsync("/collections", JObject.Parse("""
            { "collection": "profile", "meta": {}, "schema": {},
              "fields": [ { "field": "id", "type": "integer", "meta": { "hidden": true }, "schema": { "is_primary_key": true, "has_auto_increment": true } } ] }
            """));
        await client.PostAsync("/collections", JObject.Parse("""{ "collection": "Profile", "meta": { "icon": "folder" }, "schema": null }"""));
        await client.PostAsync("/fields/profile", JObject.Parse("""
            { "field": "Content", "type": "alias", "meta": { "interface": "group-raw", "special": ["alias", "no-data", "group"] } }
            """));
        await client.PostAsync("/fields/profile", JObject.Parse("""
            { "field": "content", "type": "string", "meta": { "interface": "input", "group": "Content" }, "schema": {} }
            """));
        using var temp = new TempFolder();
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false });
        using var targetClient = target.CreateClient();
        var log = new LevelledSyncLog();
        var engine = new DirectusSyncEngine(targetClient, log);

        // When
        await engine.PushAsync(new SyncOptions { DumpPath = temp.Path });
        var after = await engine.DiffAsync(new SyncOptions { DumpPath = temp.Path });

        // Then
        Directory.EnumerateFiles(Path.Combine(temp.Path, "snapshot", "fields", "profile")).Select(Path.GetFileName)
            .Should().BeEquivalentTo("Content.json", "content_2.json", "id.json");
        log.Lines.Select(l => l.Text).Where(t => t.StartsWith("⬆️  Push: iteration", StringComparison.Ordinal)).Should().Equal("⬆️  Push: iteration 1");
        after.Plan.IsEmpty.Should().BeTrue($"{after.Plan.Schema?.Diff} {string.Join(", ", after.Plan.Operations.Select(o => $"{o.Kind} {o.Collection} {o.SyncId}"))}");
    }
}
