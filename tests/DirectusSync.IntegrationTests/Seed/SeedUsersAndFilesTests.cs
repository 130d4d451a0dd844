using DirectusSync.Core.Seed;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Seed;

/// <summary>Seeds of <c>directus_users</c> (e2e #58) and <c>directus_files</c> (e2e #59) against the real Directus.</summary>
[Collection(DirectusCollection.Name)]
public sealed class SeedUsersAndFilesTests(DirectusFixture fixture)
{
    // A 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Should_create_users_with_the_admin_role_placeholder_and_ignore_the_password_on_update_When_users_are_seeded()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var suffix = SampleConfiguration.NewSuffix();
        WriteUsers(temp, suffix, "jane-password-1");
        var options = new SeedOptions { SeedPaths = [temp.Path] };
        var log = new RecordingSyncLog();
        try
        {
            // When
            var diff = await new SeedEngine(client).DiffAsync(options);
            await new SeedEngine(client, log).PushAsync(options);
            WriteUsers(temp, suffix, "jane-password-2");
            var again = await new SeedEngine(client).DiffAsync(options);

            // Then
            diff.Collections.Should().ContainSingle().Which.Creates.Should().HaveCount(2);
            log.Lines.Should().Contain("[directus_users] Created 2 items");
            var adminRole = (await client.GetAsync("/users/me?fields=role"))!["role"]!.ToString();
            var users = await UsersAsync(client, suffix);
            users.Single(u => u.Value<string>("first_name") == "John")["role"]!.ToString().Should().Be(adminRole);
            users.Single(u => u.Value<string>("first_name") == "Jane")["role"]!.Type.Should().Be(JTokenType.Null);
            var maps = await new IdMapClient(client).ListAsync("users");
            maps.Where(m => m.SyncId.EndsWith(suffix, StringComparison.Ordinal)).Should().HaveCount(2);
            again.IsEmpty.Should().BeTrue("a password is never compared nor updated");
        }
        finally
        {
            await DeleteUsersAsync(client, suffix);
        }
    }

    [Fact]
    public async Task Should_upload_files_with_folder_and_uploader_and_never_reupload_When_files_are_seeded()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var suffix = SampleConfiguration.NewSuffix();
        var folderId = (await client.PostAsync("/folders", new JObject { ["name"] = $"derideo vulticulus {suffix}" }))!["id"]!.ToString();
        await new IdMapClient(client).CreateAsync("folders", folderId, $"folder-{suffix}");
        WriteUsers(temp, suffix, "jane-password-1");
        Directory.CreateDirectory(temp.Combine("assets"));
        await File.WriteAllBytesAsync(temp.Combine("assets", "logo.png"), Png);
        SeedFiles.Write(temp.Combine("files.json"), "directus_files", null,
            SeedFiles.Item($"file-1-{suffix}", ("_file_path", "./assets/logo.png"), ("title", $"the-file-1 {suffix}"), ("filename_download", "the-file-1.png"),
                ("folder", $"folder-{suffix}"), ("uploaded_by", $"user-1-{suffix}"), ("tags", new[] { "logo", "seed" }), ("description", "First")),
            SeedFiles.Item($"file-2-{suffix}", ("_file_path", "assets/logo.png"), ("title", $"the-file-2 {suffix}")));
        var options = new SeedOptions { SeedPaths = [temp.Path] };
        var log = new RecordingSyncLog();
        try
        {
            // When
            await new SeedEngine(client, log).PushAsync(options);
            SeedFiles.Write(temp.Combine("files.json"), "directus_files", null,
                SeedFiles.Item($"file-1-{suffix}", ("_file_path", "./assets/missing-but-never-read.png"), ("title", $"the-file-1 {suffix}"), ("filename_download", "the-file-1.png"),
                    ("folder", $"folder-{suffix}"), ("uploaded_by", $"user-1-{suffix}"), ("tags", new[] { "logo", "seed" }), ("description", "First, changed")),
                SeedFiles.Item($"file-2-{suffix}", ("_file_path", "assets/logo.png"), ("title", $"the-file-2 {suffix}")));
            var diff = await new SeedEngine(client).DiffAsync(options);

            // Then
            log.Lines.Should().Contain(["[directus_files] Created 2 items", "[directus_users] Created 2 items"]);
            var johnId = (await UsersAsync(client, suffix)).Single(u => u.Value<string>("first_name") == "John")["id"]!.ToString();
            var files = (JArray)(await client.GetAsync($"/files?filter[title][_contains]={suffix}&sort=title&fields=*"))!;
            files.Should().HaveCount(2);
            files[0]["folder"]!.ToString().Should().Be(folderId);
            files[0]["uploaded_by"]!.ToString().Should().Be(johnId);
            files[0]["tags"]!.Values<string>().Should().Equal("logo", "seed");
            files[0].Value<string>("filename_download").Should().Be("the-file-1.png");
            files[0].Value<string>("type").Should().Be("image/png");
            files[1]["folder"]!.Type.Should().Be(JTokenType.Null);
            var fileDiff = diff.Collections.Single(c => c.Collection == "directus_files");
            fileDiff.Creates.Should().BeEmpty();
            fileDiff.Updates.Should().ContainSingle().Which.Changes.Properties().Select(p => p.Name).Should().Equal("description");
        }
        finally
        {
            var files = (JArray)(await client.GetAsync($"/files?filter[title][_contains]={suffix}&fields=id"))!;
            foreach (var file in files)
            {
                await client.DeleteAsync($"/files/{file["id"]}");
            }

            await DeleteUsersAsync(client, suffix);
            await client.DeleteAsync($"/folders/{folderId}");
        }
    }

    private static void WriteUsers(TempFolder temp, string suffix, string janePassword) =>
        SeedFiles.Write(temp.Combine("users.json"), "directus_users", null,
            SeedFiles.Item($"user-1-{suffix}", ("first_name", "John"), ("email", $"john-{suffix}@example.com"), ("role", "_sync_default_admin_role")),
            SeedFiles.Item($"user-2-{suffix}", ("first_name", "Jane"), ("email", $"jane-{suffix}@example.com"), ("password", janePassword), ("role", null)));

    private static async Task<JArray> UsersAsync(DirectusClient client, string suffix) =>
        (JArray)(await client.GetAsync($"/users?filter[email][_contains]={suffix}&fields=id,first_name,role"))!;

    private static async Task DeleteUsersAsync(DirectusClient client, string suffix)
    {
        foreach (var user in await UsersAsync(client, suffix))
        {
            await client.DeleteAsync($"/users/{user["id"]}");
        }
    }
}
