using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Upgrade.Upgrade;

namespace DirectusSync.Upgrade.Tests.Upgrade;

/// <summary>What a dump taken after the upgrade lacks that the backup holds.</summary>
public sealed class ConfigurationLossesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_find_nothing_When_everything_is_still_there_with_new_columns()
    {
        // Given
        var before = new DumpFolder(_folder.Combine("before")).Items("flows", new { name = "Log", _syncId = "f" }).Collection("articles").Field("articles", "title");
        var after = new DumpFolder(_folder.Combine("after")).Items("flows", new { name = "Log", folder = (string?)null, _syncId = "f" }).Collection("articles").Field("articles", "title");

        // When
        var losses = ConfigurationLosses.Find(before.Layout, after.Layout, split: true);

        // Then
        losses.Should().BeEmpty();
    }

    [Fact]
    public void Should_name_items_and_schema_elements_When_they_vanished()
    {
        // Given
        var before = new DumpFolder(_folder.Combine("before"))
            .Items("permissions",
                new { collection = "articles", action = "read", _syncId = "kept" },
                new { collection = "articles", action = "update", _syncId = "p2" })
            .Collection("articles").Collection("authors").Field("articles", "title").Field("articles", "body");
        var after = new DumpFolder(_folder.Combine("after"))
            .Items("permissions", new { collection = "articles", action = "read", _syncId = "kept" })
            .Collection("articles").Field("articles", "title");

        // When
        var losses = ConfigurationLosses.Find(before.Layout, after.Layout, split: true);

        // Then
        losses.Should().Equal("permissions p2 (articles.update)", "collection authors", "field articles.body");
    }
}
