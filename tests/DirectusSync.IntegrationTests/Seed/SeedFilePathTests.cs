using DirectusSync.Core.Seed;
using DirectusSync.Core.Storage;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Seed;

/// <summary>A seed may upload only files inside its seed folder: anything else is refused before the first write.</summary>
[Collection(DirectusCollection.Name)]
public sealed class SeedFilePathTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_refuse_the_push_and_write_nothing_When_a_file_path_escapes_the_seed_folder()
    {
        // Given a seed folder with a valid user seed and a file seed pointing above the folder
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var suffix = SampleConfiguration.NewSuffix();
        var seeds = temp.Combine("seed");
        Directory.CreateDirectory(seeds);
        await File.WriteAllTextAsync(temp.Combine("outside.txt"), "not for upload");
        SeedFiles.Write(Path.Combine(seeds, "a-users.json"), "directus_users", null,
            SeedFiles.Item($"user-{suffix}", ("first_name", "Escape"), ("email", $"escape-{suffix}@example.com")));
        var filesSeed = Path.Combine(seeds, "b-files.json");
        SeedFiles.Write(filesSeed, "directus_files", null,
            SeedFiles.Item($"file-{suffix}", ("_file_path", "../outside.txt"), ("title", $"escape {suffix}")));

        // When the seed is pushed
        var act = () => new SeedEngine(client).PushAsync(new SeedOptions { SeedPaths = [seeds] });

        // Then the seed file and item are named, and Directus holds neither the user nor the file
        var error = (await act.Should().ThrowAsync<DumpFileException>()).Which;
        error.FilePath.Should().Be(filesSeed);
        error.Problem.Should().Contain($"\"file-{suffix}\"").And.Contain("outside the seed folder");
        ((JArray)(await client.GetAsync($"/users?filter[email][_contains]={suffix}&fields=id"))!).Should().BeEmpty();
        ((JArray)(await client.GetAsync($"/files?filter[title][_contains]={suffix}&fields=id"))!).Should().BeEmpty();
    }
}
