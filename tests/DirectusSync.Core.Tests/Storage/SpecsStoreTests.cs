using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Storage;

public sealed class SpecsStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private SpecsStore Store => new(new DumpLayout(_temp.Path));

    private string SpecsFile(string name) => _temp.Combine("specs", name);

    [Fact]
    public void Should_write_the_sdl_as_sent_When_writing_graphql()
    {
        // Given: directus-sync writes the response text with writeFileSync, adding nothing
        var item = "type Query {\r\n  articles: [articles!]!\r\n}";
        var system = "\"\"\"Überblick\"\"\"\ntype Query {\n  users_me: directus_users\n}\n";

        // When
        Store.WriteItemGraphql(item);
        Store.WriteSystemGraphql(system);

        // Then
        File.ReadAllText(SpecsFile("item.graphql")).Should().Be(item);
        File.ReadAllBytes(SpecsFile("system.graphql")).Should().Equal(System.Text.Encoding.UTF8.GetBytes(system));
    }

    [Fact]
    public void Should_never_sort_keys_When_writing_openapi()
    {
        // Given
        var spec = new JObject { ["openapi"] = "3.0.1", ["info"] = new JObject { ["title"] = "Dynamic API", ["description"] = "x" }, ["components"] = new JObject() };

        // When
        Store.WriteOpenApi(spec);

        // Then
        File.ReadAllText(SpecsFile("openapi.json")).Should().Be(
            "{\n  \"openapi\": \"3.0.1\",\n  \"info\": {\n    \"title\": \"Dynamic API\",\n    \"description\": \"x\"\n  },\n  \"components\": {}\n}\n");
    }

    [Fact]
    public void Should_keep_other_files_in_the_folder_When_replacing_the_specs()
    {
        // Given
        var kept = _temp.Write("specs/README.md", "kept");
        _temp.Write("specs/item.graphql", "old, longer text than the new one");

        // When
        Store.WriteItemGraphql("new");

        // Then
        File.Exists(kept).Should().BeTrue();
        File.ReadAllText(SpecsFile("item.graphql")).Should().Be("new");
    }
}
