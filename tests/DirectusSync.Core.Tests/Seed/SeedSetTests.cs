using DirectusSync.Core.Seed;
using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Seed;

public sealed class SeedSetTests
{
    [Fact]
    public void Should_push_ordered_seeds_first_then_the_others_in_load_order_When_some_have_an_insert_order()
    {
        // Given
        SeedEntry[] entries = [Entry("a", null), Entry("b", 2), Entry("c", null), Entry("d", 1)];

        // When
        var set = SeedSet.From(entries);

        // Then
        set.Collections.Select(c => c.Collection).Should().Equal("d", "b", "a", "c");
    }

    [Fact]
    public void Should_merge_data_and_meta_When_two_seeds_name_one_collection()
    {
        // Given
        var first = Entry("country", 3, new SeedMeta { InsertOrder = 3, Delete = false, IgnoreOnUpdate = ["a"] }, "fr");
        var second = Entry("country", null, new SeedMeta { PreserveIds = true, Update = false, IgnoreOnUpdate = ["b"] }, "de");

        // When
        var merged = SeedSet.From([first, second]).Collections.Should().ContainSingle().Which;

        // Then
        merged.Items.Select(i => i.SyncId).Should().Equal("fr", "de");
        merged.Meta.Should().BeEquivalentTo(new SeedMeta
        {
            InsertOrder = 3, Create = true, Update = false, Delete = false, PreserveIds = true, IgnoreOnUpdate = ["a", "b"],
        });
        merged.Files.Should().Equal("country.json", "country.json");
    }

    [Theory]
    [InlineData("directus_roles")]
    [InlineData("directus_settings")]
    public void Should_name_the_file_When_a_system_collection_other_than_users_and_files_is_seeded(string collection)
    {
        // When
        var act = () => SeedSet.From([Entry(collection, null)]);

        // Then
        act.Should().Throw<DumpFileException>().Which.Message.Should().StartWith($"{collection}.json: collection \"{collection}\" cannot be seeded");
    }

    [Fact]
    public void Should_refuse_a_file_seed_When_it_has_no_file_path()
    {
        // When
        var act = () => SeedSet.From([Entry("directus_files", null, null, "f1")]);

        // Then
        act.Should().Throw<DumpFileException>().Which.Problem.Should().Contain("\"f1\" has no \"_file_path\"");
    }

    [Fact]
    public void Should_refuse_When_a_sync_id_is_used_twice_in_a_collection()
    {
        // When
        var act = () => SeedSet.From([Entry("country", null, null, "fr"), Entry("country", null, null, "fr")]);

        // Then
        act.Should().Throw<DumpFileException>().Which.Problem.Should().Contain("\"fr\" is used twice");
    }

    private static SeedEntry Entry(string collection, int? order, SeedMeta? meta = null, params string[] syncIds) =>
        new($"{collection}.json", collection, meta ?? new SeedMeta { InsertOrder = order },
            syncIds.Select(id => new SeedItem(id, new JObject { ["name"] = id }, null, $"{collection}.json")).ToList());
}
