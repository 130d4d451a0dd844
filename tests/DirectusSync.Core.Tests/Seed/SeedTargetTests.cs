using DirectusSync.Core.Seed;
using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Seed;

public sealed class SeedTargetTests
{
    private static readonly JObject Snapshot = JObject.Parse("""
        {
          "collections": [ { "collection": "country", "schema": { "name": "country" } }, { "collection": "group", "schema": null } ],
          "fields": [
            { "collection": "country", "field": "id", "type": "integer", "schema": { "is_primary_key": true } },
            { "collection": "country", "field": "capital", "type": "uuid", "schema": { "is_primary_key": false } },
            { "collection": "country", "field": "owner", "type": "uuid", "schema": { "is_primary_key": false } }
          ],
          "relations": [
            { "collection": "country", "field": "capital", "related_collection": "city" },
            { "collection": "country", "field": "owner", "related_collection": "directus_users" },
            { "collection": "country", "field": "any", "related_collection": null }
          ]
        }
        """);

    [Fact]
    public void Should_take_the_key_and_many_to_one_relations_from_the_snapshot_When_the_collection_is_custom()
    {
        // When
        var target = SeedTarget.Describe(Seed("country"), Snapshot);

        // Then
        target.PrimaryKey.Should().Be("id");
        target.IntegerKey.Should().BeTrue();
        target.KeyValue("7").Type.Should().Be(JTokenType.Integer);
        target.Relations.Keys.Should().BeEquivalentTo("capital", "owner");
        target.Relations["capital"].IdMapTable.Should().Be("items::city");
        target.Relations["owner"].IdMapTable.Should().Be("users");
    }

    [Fact]
    public void Should_use_fixed_relations_When_users_or_files_are_seeded()
    {
        // When
        var users = SeedTarget.Describe(Seed("directus_users"), Snapshot);
        var files = SeedTarget.Describe(Seed("directus_files"), Snapshot);

        // Then
        users.Relations["role"].IdMapTable.Should().Be("roles");
        files.Relations["folder"].IdMapTable.Should().Be("folders");
        files.Relations["uploaded_by"].IdMapTable.Should().Be("users");
    }

    [Theory]
    [InlineData("planet")]
    [InlineData("group")]
    public void Should_name_the_seed_file_When_the_collection_is_not_on_the_target(string collection)
    {
        // When
        var act = () => SeedTarget.Describe(Seed(collection), Snapshot);

        // Then
        act.Should().Throw<DumpFileException>().Which.Message.Should().Be($"{collection}.json: collection \"{collection}\" does not exist on the target (create it with a schema push first)");
    }

    private static SeedCollection Seed(string collection) => new(collection, new SeedMeta(), [], [$"{collection}.json"]);
}
