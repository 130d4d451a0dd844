using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Storage;

public sealed class SnapshotStoreTests
{
    public abstract class InTemporaryDump : IDisposable
    {
        protected TempFolder Temp { get; } = new();

        protected DumpLayout Layout => new(Temp.Path);

        protected string SnapshotFile(string relativePath) => Temp.Combine(["snapshot", .. relativePath.Split('/')]);

        public void Dispose() => Temp.Dispose();
    }

    public sealed class TheWrite : InTemporaryDump
    {
        [Fact]
        public void Should_write_info_and_one_file_per_collection_field_and_relation_When_split()
        {
            // Given
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            store.Write(SnapshotSamples.WithIdMapTable());

            // Then
            Temp.Files("snapshot").Should().Equal(
                "collections/articles.json",
                "collections/authors.json",
                "fields/articles/author.json",
                "fields/articles/published_at.json",
                "fields/articles/title.json",
                "fields/authors/id.json",
                "info.json",
                "relations/articles/author.json");
        }

        [Fact]
        public void Should_write_files_as_node_does_When_split()
        {
            // Given: expected texts from Node 20.20.2, JSON.stringify(part, null, 2) + "\n" of the same sample
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            store.Write(SnapshotSamples.WithIdMapTable());

            // Then
            File.ReadAllText(SnapshotFile("info.json")).Should().Be(
                "{\n" +
                "  \"version\": 1,\n" +
                "  \"directus\": \"11.17.4\",\n" +
                "  \"vendor\": \"sqlite\",\n" +
                "  \"systemFields\": [\n" +
                "    {\n" +
                "      \"collection\": \"directus_activity\",\n" +
                "      \"field\": \"timestamp\",\n" +
                "      \"schema\": {\n" +
                "        \"is_indexed\": true\n" +
                "      }\n" +
                "    },\n" +
                "    {\n" +
                "      \"collection\": \"directus_revisions\",\n" +
                "      \"field\": \"activity\",\n" +
                "      \"schema\": {\n" +
                "        \"is_indexed\": true\n" +
                "      }\n" +
                "    }\n" +
                "  ]\n" +
                "}\n");
            File.ReadAllText(SnapshotFile("fields/articles/title.json")).Should().Be(
                "{\n" +
                "  \"collection\": \"articles\",\n" +
                "  \"field\": \"title\",\n" +
                "  \"type\": \"string\",\n" +
                "  \"meta\": {\n" +
                "    \"collection\": \"articles\",\n" +
                "    \"field\": \"title\",\n" +
                "    \"interface\": \"input\",\n" +
                "    \"sort\": 3,\n" +
                "    \"translations\": [\n" +
                "      {\n" +
                "        \"language\": \"de-DE\",\n" +
                "        \"translation\": \"Überschrift\"\n" +
                "      }\n" +
                "    ]\n" +
                "  },\n" +
                "  \"schema\": {\n" +
                "    \"name\": \"title\",\n" +
                "    \"table\": \"articles\",\n" +
                "    \"data_type\": \"varchar\",\n" +
                "    \"max_length\": 255,\n" +
                "    \"numeric_precision\": null,\n" +
                "    \"is_nullable\": false\n" +
                "  }\n" +
                "}\n");
        }

        [Fact]
        public void Should_sort_keys_of_every_file_When_asked_to()
        {
            // Given: expected texts from Node 20.20.2, with directus-sync's sortObjectDeep applied
            var store = new SnapshotStore(Layout, split: true, sortKeys: true);

            // When
            store.Write(SnapshotSamples.WithIdMapTable());

            // Then
            File.ReadAllText(SnapshotFile("relations/articles/author.json")).Should().Be(
                "{\n" +
                "  \"collection\": \"articles\",\n" +
                "  \"field\": \"author\",\n" +
                "  \"meta\": {\n" +
                "    \"junction_field\": null,\n" +
                "    \"many_collection\": \"articles\",\n" +
                "    \"many_field\": \"author\",\n" +
                "    \"one_allowed_collections\": null,\n" +
                "    \"one_collection\": \"authors\",\n" +
                "    \"one_collection_field\": null,\n" +
                "    \"one_deselect_action\": \"nullify\",\n" +
                "    \"one_field\": null,\n" +
                "    \"sort_field\": null\n" +
                "  },\n" +
                "  \"related_collection\": \"authors\",\n" +
                "  \"schema\": {\n" +
                "    \"column\": \"author\",\n" +
                "    \"constraint_name\": null,\n" +
                "    \"foreign_key_column\": \"id\",\n" +
                "    \"foreign_key_table\": \"authors\",\n" +
                "    \"on_delete\": \"SET NULL\",\n" +
                "    \"on_update\": \"NO ACTION\",\n" +
                "    \"table\": \"articles\"\n" +
                "  }\n" +
                "}\n");
            File.ReadAllText(SnapshotFile("fields/authors/id.json")).Should().Be(
                "{\n" +
                "  \"collection\": \"authors\",\n" +
                "  \"field\": \"id\",\n" +
                "  \"meta\": {\n" +
                "    \"collection\": \"authors\",\n" +
                "    \"field\": \"id\",\n" +
                "    \"hidden\": true,\n" +
                "    \"interface\": \"input\",\n" +
                "    \"readonly\": true\n" +
                "  },\n" +
                "  \"schema\": {\n" +
                "    \"data_type\": \"integer\",\n" +
                "    \"has_auto_increment\": true,\n" +
                "    \"is_primary_key\": true,\n" +
                "    \"name\": \"id\",\n" +
                "    \"numeric_precision\": 10,\n" +
                "    \"table\": \"authors\"\n" +
                "  },\n" +
                "  \"type\": \"integer\"\n" +
                "}\n");
        }

        [Fact]
        public void Should_add_a_numbered_suffix_to_the_later_name_When_names_differ_only_by_case()
        {
            // Given: a folder "Content" next to a collection "content", a group "Profile" next to a field "profile"
            var snapshot = SnapshotSamples.Minimal(
                collections: [SnapshotSamples.Collection("Content"), SnapshotSamples.Collection("content"), SnapshotSamples.Collection("CONTENT")],
                fields:
                [
                    SnapshotSamples.Field("users", "Profile"), SnapshotSamples.Field("users", "profile"),
                    SnapshotSamples.Field("posts", "profile"),
                    SnapshotSamples.Field("x", "a_2"), SnapshotSamples.Field("x", "a"), SnapshotSamples.Field("x", "A"),
                    SnapshotSamples.Field("Users", "id"), SnapshotSamples.Field("users", "id"),
                ],
                relations: [SnapshotSamples.Relation("users", "Profile"), SnapshotSamples.Relation("users", "profile")]);
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            store.Write(snapshot);

            // Then: one set of taken names per list, keyed by lowercased "collection/field"; the suffix goes
            // on the later name as written. Checked file by file, so that it holds on case-insensitive disks.
            string[] expected =
            [
                "collections/Content.json", "collections/content_2.json", "collections/CONTENT_3.json",
                "fields/users/Profile.json", "fields/users/profile_2.json", "fields/posts/profile.json",
                "fields/x/a_2.json", "fields/x/a.json", "fields/x/A_3.json",
                "fields/Users/id.json", "fields/users/id_2.json",
                "relations/users/Profile.json", "relations/users/profile_2.json",
                "info.json",
            ];
            expected.Should().AllSatisfy(file => File.Exists(SnapshotFile(file)).Should().BeTrue(file));
            Temp.Files("snapshot").Should().HaveCount(expected.Length);
            ((string?)DumpJson.ReadFile(SnapshotFile("fields/users/profile_2.json"))["field"]).Should().Be("profile");
        }

        [Fact]
        public void Should_remove_the_old_snapshot_files_but_nothing_else_When_rewriting_the_snapshot()
        {
            // Given: a dropped collection's files from an earlier pull and a file the user keeps there
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);
            store.Write(SnapshotSamples.Minimal(
                collections: [SnapshotSamples.Collection("old")],
                fields: [SnapshotSamples.Field("old", "id")]));
            Temp.Write("snapshot/notes.txt", "stray");

            // When
            store.Write(SnapshotSamples.Minimal(collections: [SnapshotSamples.Collection("new")]));

            // Then
            Temp.Files("snapshot").Should().Equal("collections/new.json", "info.json", "notes.txt");
            Directory.Exists(SnapshotFile("fields")).Should().BeFalse();
        }

        [Fact]
        public void Should_write_one_file_without_the_id_map_table_When_not_split()
        {
            // Given
            var store = new SnapshotStore(Layout, split: false, sortKeys: false);

            // When
            store.Write(SnapshotSamples.WithIdMapTable());

            // Then
            Temp.Files("snapshot").Should().Equal("snapshot.json");
            File.ReadAllText(SnapshotFile("snapshot.json"))
                .Should().Be(DumpJson.Serialize(SnapshotSamples.WithoutIdMapTable(), sortKeys: false))
                .And.NotContain(SnapshotStore.IdMapTable);
        }

        [Fact]
        public void Should_leave_out_the_id_map_table_When_split()
        {
            // Given
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            store.Write(SnapshotSamples.WithIdMapTable());

            // Then
            Temp.Files("snapshot").Should().NotContain(f => f.Contains(SnapshotStore.IdMapTable));
        }

        [Fact]
        public void Should_not_change_the_given_snapshot_When_writing()
        {
            // Given
            var snapshot = SnapshotSamples.WithIdMapTable();
            var store = new SnapshotStore(Layout, split: true, sortKeys: true);

            // When
            store.Write(snapshot);

            // Then
            JToken.DeepEquals(snapshot, SnapshotSamples.WithIdMapTable()).Should().BeTrue();
        }

        [Fact]
        public void Should_write_empty_lists_When_the_snapshot_lacks_them()
        {
            // Given
            var snapshot = new JObject { ["version"] = 1, ["directus"] = "11.17.4", ["vendor"] = "sqlite", ["fields"] = null };
            var store = new SnapshotStore(Layout, split: false, sortKeys: false);

            // When
            store.Write(snapshot);

            // Then: like directus-sync, the missing ones are added at the end
            File.ReadAllText(SnapshotFile("snapshot.json")).Should().Be(
                "{\n  \"version\": 1,\n  \"directus\": \"11.17.4\",\n  \"vendor\": \"sqlite\",\n  \"fields\": [],\n  \"collections\": [],\n  \"relations\": []\n}\n");
        }

        [Fact]
        public void Should_refuse_and_keep_the_old_snapshot_When_a_field_has_no_name()
        {
            // Given
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);
            store.Write(SnapshotSamples.Minimal(collections: [SnapshotSamples.Collection("kept")]));
            var broken = SnapshotSamples.Minimal(fields: [new JObject { ["collection"] = "articles", ["type"] = "string" }]);

            // When
            var act = () => store.Write(broken);

            // Then
            act.Should().Throw<ArgumentException>().WithMessage("*fields[0]*\"field\"*");
            Temp.Files("snapshot").Should().Contain("collections/kept.json");
        }

        [Fact]
        public void Should_refuse_When_a_name_would_leave_the_snapshot_folder()
        {
            // Given
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);
            var hostile = SnapshotSamples.Minimal(collections: [SnapshotSamples.Collection("..")]);

            // When
            var act = () => store.Write(hostile);

            // Then
            act.Should().Throw<ArgumentException>();
        }

        [Theory]
        [InlineData(".")]
        [InlineData("..")]
        public void Should_refuse_to_wipe_When_the_snapshot_folder_holds_the_dump(string snapshotPath)
        {
            // Given
            var dump = Temp.Combine("dump");
            var collections = Temp.Write("dump/collections/roles.json", "[]");
            var store = new SnapshotStore(new DumpLayout(dump, SnapshotPath: snapshotPath), split: true, sortKeys: false);

            // When
            var act = () => store.Write(SnapshotSamples.Minimal());

            // Then
            act.Should().Throw<InvalidOperationException>();
            File.Exists(collections).Should().BeTrue();
        }

        [Fact]
        public void Should_refuse_to_wipe_When_the_collections_folder_is_inside_the_snapshot_folder()
        {
            // Given
            var store = new SnapshotStore(new DumpLayout(Temp.Path, CollectionsPath: "snapshot/collections"), split: true, sortKeys: false);

            // When
            var act = () => store.Write(SnapshotSamples.Minimal());

            // Then
            act.Should().Throw<InvalidOperationException>().WithMessage("*collections*");
        }
    }

    public sealed class TheRead : InTemporaryDump
    {
        [Theory]
        [InlineData(true, false)]
        [InlineData(true, true)]
        [InlineData(false, false)]
        [InlineData(false, true)]
        public void Should_return_the_snapshot_without_the_id_map_table_When_reading_what_was_written(bool split, bool sortKeys)
        {
            // Given
            var store = new SnapshotStore(Layout, split, sortKeys);
            store.Write(SnapshotSamples.WithIdMapTable());

            // When
            var snapshot = store.Read();

            // Then: equal as JSON text (like JavaScript, the dump cannot tell 10.0 from 10), in the same key order
            DumpJson.Serialize(snapshot, sortKeys).Should().Be(DumpJson.Serialize(SnapshotSamples.WithoutIdMapTable(), sortKeys));
        }

        [Fact]
        public void Should_drop_the_id_map_table_When_an_older_split_dump_holds_it()
        {
            // Given
            Temp.Write("snapshot/info.json", """{"version": 1}""");
            Temp.Write("snapshot/collections/directus_sync_id_map.json", """{"collection": "directus_sync_id_map", "meta": null}""");
            Temp.Write("snapshot/collections/posts.json", """{"collection": "posts", "meta": null}""");
            Temp.Write("snapshot/fields/directus_sync_id_map/id.json", """{"collection": "directus_sync_id_map", "field": "id"}""");
            Temp.Write("snapshot/relations/directus_sync_id_map/table.json", """{"collection": "directus_sync_id_map", "field": "table"}""");
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            var snapshot = store.Read();

            // Then
            snapshot.ToString(Newtonsoft.Json.Formatting.None).Should().Be(
                """{"version":1,"collections":[{"collection":"posts","meta":null}],"fields":[],"relations":[]}""");
        }

        [Fact]
        public void Should_drop_the_id_map_table_When_an_older_single_file_holds_it()
        {
            // Given
            Temp.Write("snapshot/snapshot.json", """
                {"version": 1,
                 "collections": [{"collection": "directus_sync_id_map"}, {"collection": "posts"}],
                 "fields": [{"collection": "directus_sync_id_map", "field": "id"}],
                 "relations": [{"collection": "directus_sync_id_map", "field": "table"}]}
                """);
            var store = new SnapshotStore(Layout, split: false, sortKeys: false);

            // When
            var snapshot = store.Read();

            // Then
            snapshot.ToString(Newtonsoft.Json.Formatting.None).Should().Be(
                """{"version":1,"collections":[{"collection":"posts"}],"fields":[],"relations":[]}""");
        }

        [Fact]
        public void Should_list_files_in_directus_sync_order_When_folder_names_share_a_prefix()
        {
            // Given: Node's readdirSync sorts each folder's names bytewise; folders are entered where they sort
            foreach (var (collection, field) in new[] { ("posts-archive", "id"), ("posts", "id"), ("posts", "Title"), ("posts", "title_2"), ("Pages", "id") })
            {
                Temp.Write($"snapshot/fields/{collection}/{field}.json", $$"""{"collection": "{{collection}}", "field": "{{field}}"}""");
            }

            Temp.Write("snapshot/info.json", "{}");
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            var snapshot = store.Read();

            // Then
            snapshot["fields"]!.Select(f => $"{f["collection"]}/{f["field"]}").Should().Equal(
                "Pages/id", "posts/Title", "posts/id", "posts/title_2", "posts-archive/id");
        }

        [Fact]
        public void Should_return_empty_lists_When_the_sub_folders_do_not_exist()
        {
            // Given: a fresh instance has no collections, so only info.json is written
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);
            store.Write(SnapshotSamples.Minimal());

            // When
            var snapshot = store.Read();

            // Then
            JToken.DeepEquals(snapshot, SnapshotSamples.Minimal()).Should().BeTrue();
        }

        [Fact]
        public void Should_ignore_files_that_are_not_json_When_reading_split_files()
        {
            // Given
            Temp.Write("snapshot/info.json", "{}");
            Temp.Write("snapshot/collections/README.md", "# notes");
            Temp.Write("snapshot/collections/.DS_Store", "binary");
            Temp.Write("snapshot/collections/posts.json", """{"collection": "posts"}""");
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            var snapshot = store.Read();

            // Then
            snapshot["collections"]!.Should().HaveCount(1);
        }

        [Fact]
        public void Should_fail_naming_info_json_When_it_is_missing()
        {
            // Given
            Temp.Write("snapshot/collections/posts.json", """{"collection": "posts"}""");
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            var act = () => store.Read();

            // Then
            act.Should().Throw<DumpFileException>().Which.FilePath.Should().Be(SnapshotFile("info.json"));
        }

        [Fact]
        public void Should_fail_naming_snapshot_json_When_it_is_missing()
        {
            // Given
            var store = new SnapshotStore(Layout, split: false, sortKeys: false);

            // When
            var act = () => store.Read();

            // Then
            act.Should().Throw<DumpFileException>().WithMessage($"{SnapshotFile("snapshot.json")}: the file does not exist");
        }

        [Fact]
        public void Should_fail_When_info_json_is_not_an_object()
        {
            // Given
            Temp.Write("snapshot/info.json", "[]");
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            var act = () => store.Read();

            // Then
            act.Should().Throw<DumpFileException>().WithMessage($"{SnapshotFile("info.json")}: expected a JSON object, found an array");
        }

        [Theory]
        [InlineData("collections/posts.json", """{"meta": null}""", "the collection needs a non-empty string \"collection\", it is missing")]
        [InlineData("collections/posts.json", """{"collection": 7}""", "the collection needs a non-empty string \"collection\", found 7")]
        [InlineData("collections/posts.json", "[]", "the collection is an array, expected an object")]
        [InlineData("fields/posts/title.json", """{"collection": "posts"}""", "the field needs a non-empty string \"field\", it is missing")]
        [InlineData("fields/posts/title.json", """{"field": "title"}""", "the field needs a non-empty string \"collection\", it is missing")]
        [InlineData("relations/posts/author.json", """{"collection": "posts", "field": null}""", "the relation needs a non-empty string \"field\", found null")]
        public void Should_fail_naming_the_file_and_the_missing_property_When_a_split_file_is_incomplete(string file, string content, string problem)
        {
            // Given
            Temp.Write("snapshot/info.json", "{}");
            Temp.Write("snapshot/" + file, content);
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            var act = () => store.Read();

            // Then
            act.Should().Throw<DumpFileException>().Which.Message.Should().Be($"{SnapshotFile(file)}: {problem}");
        }

        [Fact]
        public void Should_fail_naming_the_file_When_a_split_file_is_not_json()
        {
            // Given
            Temp.Write("snapshot/info.json", "{}");
            Temp.Write("snapshot/fields/posts/title.json", "{\n  \"collection\": \"posts\"\n  \"field\": \"title\"\n}");
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            var act = () => store.Read();

            // Then
            act.Should().Throw<DumpFileException>().WithMessage($"{SnapshotFile("fields/posts/title.json")}: invalid JSON at line 3, position 3: *");
        }

        [Fact]
        public void Should_fail_When_a_sub_folder_is_a_file()
        {
            // Given
            Temp.Write("snapshot/info.json", "{}");
            Temp.Write("snapshot/fields", "");
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            var act = () => store.Read();

            // Then
            act.Should().Throw<DumpFileException>().Which.FilePath.Should().Be(SnapshotFile("fields"));
        }

        [Theory]
        [InlineData("""{"collections": [], "fields": []}""", "\"relations\" must be an array, it is missing")]
        [InlineData("""{"collections": {}, "fields": [], "relations": []}""", "\"collections\" must be an array, found an object")]
        [InlineData("""{"collections": [], "fields": [{"collection": "a", "field": "b"}, {"collection": "a"}], "relations": []}""", "fields[1] needs a non-empty string \"field\", it is missing")]
        [InlineData("""{"collections": [1], "fields": [], "relations": []}""", "collections[0] is a number, expected an object")]
        public void Should_fail_naming_the_list_and_index_When_snapshot_json_is_incomplete(string content, string problem)
        {
            // Given
            Temp.Write("snapshot/snapshot.json", content);
            var store = new SnapshotStore(Layout, split: false, sortKeys: false);

            // When
            var act = () => store.Read();

            // Then
            act.Should().Throw<DumpFileException>().Which.Message.Should().Be($"{SnapshotFile("snapshot.json")}: {problem}");
        }
    }

    public sealed class TheExists : InTemporaryDump
    {
        [Theory]
        [InlineData(true, "snapshot/info.json", true)]
        [InlineData(true, "snapshot/snapshot.json", false)]
        [InlineData(false, "snapshot/snapshot.json", true)]
        [InlineData(false, "snapshot/info.json", false)]
        public void Should_look_for_the_file_of_the_mode_When_asked(bool split, string existingFile, bool expected)
        {
            // Given
            Temp.Write(existingFile, "{}");
            var store = new SnapshotStore(Layout, split, sortKeys: false);

            // When
            var exists = store.Exists();

            // Then
            exists.Should().Be(expected);
        }
    }
    public sealed class TheReadDirectusVersion : InTemporaryDump
    {
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Should_give_the_version_of_the_snapshot_header_When_a_snapshot_is_stored(bool split)
        {
            // Given
            var store = new SnapshotStore(Layout, split, sortKeys: false);
            store.Write(new JObject { ["version"] = 1, ["directus"] = "11.17.4", ["vendor"] = "sqlite" });

            // When
            var version = store.ReadDirectusVersion();

            // Then
            version.Should().Be("11.17.4");
        }

        [Fact]
        public void Should_give_null_When_there_is_no_snapshot()
        {
            // Given
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            var version = store.ReadDirectusVersion();

            // Then
            version.Should().BeNull();
        }

        [Theory]
        [InlineData("{ not json")]
        [InlineData("{\"version\": 1, \"directus\": 11}")]
        [InlineData("[]")]
        public void Should_give_null_When_the_header_is_damaged_or_has_no_version_text(string content)
        {
            // Given
            Directory.CreateDirectory(Path.GetDirectoryName(SnapshotFile("info.json"))!);
            File.WriteAllText(SnapshotFile("info.json"), content);
            var store = new SnapshotStore(Layout, split: true, sortKeys: false);

            // When
            var version = store.ReadDirectusVersion();

            // Then: unknown, so the system cache is cleared; the commands that read the snapshot report the damage
            version.Should().BeNull();
        }
    }
}
