using DirectusSync.Core.Storage;

namespace DirectusSync.Core.Tests.Storage;

public sealed class DumpLayoutTests
{
    [Fact]
    public void Should_put_the_parts_under_the_dump_folder_When_the_defaults_are_used()
    {
        // Given
        var root = Path.Combine(Path.GetTempPath(), "dump");
        var layout = new DumpLayout(root);

        // When
        var folders = new[] { layout.CollectionsDirectory, layout.SnapshotDirectory, layout.SpecsDirectory };

        // Then
        folders.Should().Equal(Path.Combine(root, "collections"), Path.Combine(root, "snapshot"), Path.Combine(root, "specs"));
        layout.CollectionFile("roles").Should().Be(Path.Combine(root, "collections", "roles.json"));
    }

    [Fact]
    public void Should_resolve_against_the_current_folder_When_the_dump_path_is_relative()
    {
        // Given
        var layout = new DumpLayout("./directus-config/");

        // When
        var dump = layout.DumpDirectory;

        // Then
        dump.Should().Be(Path.Combine(Directory.GetCurrentDirectory(), "directus-config"));
        layout.SnapshotDirectory.Should().Be(Path.Combine(Directory.GetCurrentDirectory(), "directus-config", "snapshot"));
    }

    [Fact]
    public void Should_use_sub_paths_relative_to_the_dump_or_as_given_When_they_are_relative_or_absolute()
    {
        // Given
        var root = Path.Combine(Path.GetTempPath(), "dump");
        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere", "specs");
        var layout = new DumpLayout(root, CollectionsPath: "data/items/", SnapshotPath: "../schema", SpecsPath: elsewhere);

        // When
        var folders = new[] { layout.CollectionsDirectory, layout.SnapshotDirectory, layout.SpecsDirectory };

        // Then
        folders.Should().Equal(
            Path.Combine(root, "data", "items"),
            Path.Combine(Path.GetTempPath(), "schema"),
            elsewhere);
    }

    [Fact]
    public void Should_refuse_When_the_dump_path_is_empty()
    {
        // When
        var act = () => new DumpLayout(" ");

        // Then
        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../roles")]
    [InlineData("a\\b")]
    public void Should_refuse_When_a_collection_name_is_no_file_name(string collection)
    {
        // Given
        var layout = new DumpLayout(Path.GetTempPath());

        // When
        var act = () => layout.CollectionFile(collection);

        // Then
        act.Should().Throw<ArgumentException>();
    }
}
