using DirectusSync.Core.Seed;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Tests.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Seed;

public sealed class SeedLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_read_one_object_and_fill_the_meta_defaults_When_a_file_holds_a_single_seed()
    {
        // Given
        var file = Write("a.json", """{"collection":"country","data":[{"_sync_id":"fr","name":"France"}]}""");

        // When
        var entries = SeedLoader.Load([file]);

        // Then
        var entry = entries.Should().ContainSingle().Which;
        entry.Collection.Should().Be("country");
        entry.Meta.Should().BeEquivalentTo(new SeedMeta());
        entry.Data.Should().ContainSingle().Which.Fields.Should().BeEquivalentTo(new JObject { ["name"] = "France" });
        entry.Data[0].SyncId.Should().Be("fr");
    }

    [Fact]
    public void Should_read_every_json_file_in_path_order_When_a_folder_is_given()
    {
        // Given
        Write("b.json", """[{"collection":"city","data":[]},{"collection":"language","meta":{"insert_order":1,"delete":false},"data":[]}]""");
        Write("a.json", """{"collection":"country","data":[]}""");
        Write("notes.txt", "not a seed");

        // When
        var entries = SeedLoader.Load([_temp.Path]);

        // Then
        entries.Select(e => e.Collection).Should().Equal("country", "city", "language");
        entries[2].Meta.InsertOrder.Should().Be(1);
        entries[2].Meta.Delete.Should().BeFalse();
    }

    [Fact]
    public void Should_resolve_the_file_path_against_the_seed_file_When_an_item_has_one()
    {
        // Given
        var file = Write(Path.Combine("sub", "files.json"), """{"collection":"directus_files","data":[{"_sync_id":"f1","_file_path":"./logo.jpg","title":"Logo"}]}""");

        // When
        var item = SeedLoader.Load([file])[0].Data[0];

        // Then
        item.FilePath.Should().Be(Path.Combine(_temp.Path, "sub", "logo.jpg"));
        item.Fields.ContainsKey("_file_path").Should().BeFalse();
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("sub/../../outside.txt")]
    public void Should_refuse_the_seed_When_a_file_path_leads_out_of_the_seed_folder(string filePath)
    {
        // Given a seed folder whose file seed points above it
        var seeds = _temp.Combine("seed");
        File.WriteAllText(_temp.Combine("outside.txt"), "secret");
        var file = Write(Path.Combine("seed", "files.json"), FileSeed(filePath));

        // When it is loaded
        var act = () => SeedLoader.Load([seeds]);

        // Then the seed file, the item and the path are named
        var error = act.Should().Throw<DumpFileException>().Which;
        error.FilePath.Should().Be(file);
        error.Problem.Should().Contain("directus_files data[0] (\"f1\")").And.Contain(filePath).And.Contain("outside the seed folder");
    }

    [Fact]
    public void Should_refuse_the_seed_When_a_file_path_is_absolute_outside_the_seed_folder()
    {
        // Given a file seed naming an absolute path elsewhere
        var outside = _temp.Combine("outside.txt");
        File.WriteAllText(outside, "secret");
        Write(Path.Combine("seed", "files.json"), FileSeed(outside));

        // When / Then
        var act = () => SeedLoader.Load([_temp.Combine("seed")]);
        act.Should().Throw<DumpFileException>().Which.Problem.Should().Contain("outside the seed folder");
    }

    [Fact]
    public void Should_refuse_the_seed_When_a_symbolic_link_inside_the_seed_folder_points_out_of_it()
    {
        // Given a link inside the seed folder to a folder outside it
        var outside = _temp.Combine("private");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "key.pem"), "secret");
        Directory.CreateDirectory(_temp.Combine("seed"));
        Directory.CreateSymbolicLink(_temp.Combine("seed", "assets"), outside);
        Write(Path.Combine("seed", "files.json"), FileSeed("assets/key.pem"));

        // When it is loaded
        var act = () => SeedLoader.Load([_temp.Combine("seed")]);

        // Then the real path is named and the seed is refused
        act.Should().Throw<DumpFileException>().Which.Problem.Should().Contain(Path.Combine(outside, "key.pem")).And.Contain("outside the seed folder");
    }

    [Fact]
    public void Should_accept_the_file_When_the_seed_folder_itself_is_reached_through_a_link()
    {
        // Given a seed folder given through a symbolic link, with its file inside
        var real = _temp.Combine("real-seed");
        Write(Path.Combine("real-seed", "assets", "logo.png"), "png");
        Write(Path.Combine("real-seed", "files.json"), FileSeed("assets/logo.png"));
        var link = _temp.Combine("seed-link");
        Directory.CreateSymbolicLink(link, real);

        // When it is loaded through the link
        var item = SeedLoader.Load([link])[0].Data[0];

        // Then the file is accepted, under the path as given
        item.FilePath.Should().Be(Path.Combine(link, "assets", "logo.png"));
    }

    [Fact]
    public void Should_accept_the_file_When_it_is_in_a_sub_folder_of_the_seed_folder()
    {
        // Given a seed file in a sub-folder pointing to a sibling folder, still inside the seed folder
        Write(Path.Combine("seed", "images", "logo.png"), "png");
        Write(Path.Combine("seed", "data", "files.json"), FileSeed("../images/logo.png"));

        // When
        var item = SeedLoader.Load([_temp.Combine("seed")])[0].Data[0];

        // Then
        item.FilePath.Should().Be(_temp.Combine("seed", "images", "logo.png"));
    }

    [Theory]
    [InlineData("""{"collection":"country","data":[{"name":"France"}]}""", "country data[0] has no \"_sync_id\"")]
    [InlineData("""{"data":[]}""", "\"collection\" is missing")]
    [InlineData("""{"collection":"country"}""", "\"data\" of country is missing")]
    [InlineData("""{"collection":"country","meta":{"create":"yes"},"data":[]}""", "meta.create must be true or false")]
    [InlineData("""{"collection":"country","meta":{"order":1},"data":[]}""", "unknown meta key \"order\"")]
    [InlineData("42", "expected an object")]
    public void Should_name_the_file_and_the_problem_When_a_seed_is_malformed(string json, string problem)
    {
        // Given
        var file = Write("bad.json", json);

        // When
        var act = () => SeedLoader.Load([file]);

        // Then
        var error = act.Should().Throw<DumpFileException>().Which;
        error.FilePath.Should().Be(file);
        error.Problem.Should().Contain(problem);
    }

    [Fact]
    public void Should_give_the_line_When_the_json_is_invalid()
    {
        // Given
        var file = Write("bad.json", "{\n  \"collection\": \"country\",\n  \"data\": [,]\n}\n");

        // When
        var act = () => SeedLoader.Load([file]);

        // Then
        act.Should().Throw<DumpFileException>().Which.Message.Should().Contain(file).And.Contain("line 3");
    }

    [Fact]
    public void Should_name_the_path_When_it_does_not_exist()
    {
        // When
        var act = () => SeedLoader.Load([_temp.Combine("missing")]);

        // Then
        act.Should().Throw<DumpFileException>().Which.Problem.Should().Be("no such seed file or folder");
    }

    private static string FileSeed(string filePath) =>
        new JObject
        {
            ["collection"] = "directus_files",
            ["data"] = new JArray(new JObject { ["_sync_id"] = "f1", ["_file_path"] = filePath, ["title"] = "T" }),
        }.ToString();

    private string Write(string name, string content)
    {
        var path = _temp.Combine(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
