using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Storage;

public sealed class CollectionDumpStoreTests
{
    public abstract class InTemporaryDump : IDisposable
    {
        protected TempFolder Temp { get; } = new();

        protected DumpLayout Layout => new(Temp.Path);

        protected string RolesFile => Temp.Combine("collections", "roles.json");

        public void Dispose() => Temp.Dispose();

        protected static JArray Roles() =>
        [
            new JObject { ["name"] = "Administrator", ["icon"] = "verified", ["parent"] = null, ["_syncId"] = "_sync_default_admin_role" },
            new JObject { ["name"] = "Editor", ["icon"] = "edit", ["parent"] = null, ["_syncId"] = "239e8740-250e-4c21-807b-cae66d30045e" },
        ];
    }

    public sealed class TheWrite : InTemporaryDump
    {
        [Fact]
        public void Should_write_the_items_in_the_given_order_When_keys_are_not_sorted()
        {
            // Given
            var store = new CollectionDumpStore(Layout, sortKeys: false);
            var items = new JArray(Roles().Reverse());

            // When
            store.Write("roles", items);

            // Then
            File.ReadAllText(RolesFile).Should().Be(
                "[\n" +
                "  {\n" +
                "    \"name\": \"Editor\",\n" +
                "    \"icon\": \"edit\",\n" +
                "    \"parent\": null,\n" +
                "    \"_syncId\": \"239e8740-250e-4c21-807b-cae66d30045e\"\n" +
                "  },\n" +
                "  {\n" +
                "    \"name\": \"Administrator\",\n" +
                "    \"icon\": \"verified\",\n" +
                "    \"parent\": null,\n" +
                "    \"_syncId\": \"_sync_default_admin_role\"\n" +
                "  }\n" +
                "]\n");
        }

        [Fact]
        public void Should_sort_keys_When_asked_to()
        {
            // Given
            var store = new CollectionDumpStore(Layout, sortKeys: true);

            // When
            store.Write("roles", [Roles()[0]]);

            // Then
            File.ReadAllText(RolesFile).Should().Be(
                "[\n" +
                "  {\n" +
                "    \"_syncId\": \"_sync_default_admin_role\",\n" +
                "    \"icon\": \"verified\",\n" +
                "    \"name\": \"Administrator\",\n" +
                "    \"parent\": null\n" +
                "  }\n" +
                "]\n");
        }

        [Fact]
        public void Should_write_an_empty_array_When_there_are_no_items()
        {
            // Given
            var store = new CollectionDumpStore(Layout, sortKeys: false);

            // When
            store.Write("presets", []);

            // Then
            File.ReadAllText(Temp.Combine("collections", "presets.json")).Should().Be("[]\n");
        }
    }

    public sealed class TheExists : InTemporaryDump
    {
        [Fact]
        public void Should_tell_which_collections_have_a_file_When_some_were_written()
        {
            // Given
            var store = new CollectionDumpStore(Layout, sortKeys: false);
            store.Write("presets", []);

            // When
            var presets = store.Exists("presets");
            var panels = store.Exists("panels");

            // Then
            presets.Should().BeTrue();
            panels.Should().BeFalse();
        }
    }

    public sealed class TheRead : InTemporaryDump
    {
        private CollectionDumpStore Store => new(Layout, sortKeys: false);

        [Fact]
        public void Should_return_what_was_written_When_reading_it_back()
        {
            // Given
            Store.Write("roles", Roles());

            // When
            var items = Store.Read("roles");

            // Then
            JToken.DeepEquals(items, Roles()).Should().BeTrue();
        }

        [Fact]
        public void Should_return_no_items_When_the_file_holds_an_empty_array()
        {
            // Given
            Temp.Write("collections/roles.json", "[]\n");

            // When
            var items = Store.Read("roles");

            // Then
            items.Should().BeEmpty();
        }

        [Fact]
        public void Should_fail_naming_the_file_When_it_is_missing()
        {
            // When
            var act = () => Store.Read("roles");

            // Then
            act.Should().Throw<DumpFileException>()
                .WithMessage($"{RolesFile}: the file does not exist")
                .Which.FilePath.Should().Be(RolesFile);
        }

        [Fact]
        public void Should_fail_with_line_and_position_When_the_json_is_invalid()
        {
            // Given
            Temp.Write("collections/roles.json", "[\n  {\"_syncId\": \"a\",}\n]\n");

            // When
            var act = () => Store.Read("roles");

            // Then
            act.Should().Throw<DumpFileException>().WithMessage($"{RolesFile}: invalid JSON at line 2, position 19: *");
        }

        [Fact]
        public void Should_fail_When_the_top_level_value_is_not_an_array()
        {
            // Given
            Temp.Write("collections/roles.json", """{"_syncId": "a"}""");

            // When
            var act = () => Store.Read("roles");

            // Then
            act.Should().Throw<DumpFileException>().WithMessage($"{RolesFile}: expected a JSON array of items, found an object");
        }

        [Fact]
        public void Should_fail_naming_the_index_When_an_element_is_not_an_object()
        {
            // Given
            Temp.Write("collections/roles.json", """[{"_syncId": "a"}, "b"]""");

            // When
            var act = () => Store.Read("roles");

            // Then
            act.Should().Throw<DumpFileException>().WithMessage($"{RolesFile}: element [1] is a string, expected an object");
        }

        [Theory]
        [InlineData("""[{"_syncId": "a"}, {"name": "x"}]""", "element [1] needs a non-empty string \"_syncId\", it is missing")]
        [InlineData("""[{"_syncId": ""}]""", "element [0] needs a non-empty string \"_syncId\", found \"\"")]
        [InlineData("""[{"_syncId": 42}]""", "element [0] needs a non-empty string \"_syncId\", found 42")]
        [InlineData("""[{"_syncId": null}]""", "element [0] needs a non-empty string \"_syncId\", found null")]
        public void Should_fail_naming_the_index_and_the_field_When_an_element_has_no_usable_sync_id(string content, string problem)
        {
            // Given
            Temp.Write("collections/roles.json", content);

            // When
            var act = () => Store.Read("roles");

            // Then
            act.Should().Throw<DumpFileException>().Which.Message.Should().Be($"{RolesFile}: {problem}");
        }

        [Fact]
        public void Should_fail_naming_both_indexes_When_a_sync_id_is_repeated()
        {
            // Given
            Temp.Write("collections/roles.json", """[{"_syncId": "a"}, {"_syncId": "b"}, {"_syncId": "a"}]""");

            // When
            var act = () => Store.Read("roles");

            // Then
            act.Should().Throw<DumpFileException>().Which.Message.Should().Be($"{RolesFile}: elements [0] and [2] have the same \"_syncId\" \"a\"");
        }
    }
}
