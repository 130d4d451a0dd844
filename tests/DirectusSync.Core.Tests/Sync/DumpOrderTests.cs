using DirectusSync.Core.Model;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Tests.Diff;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Sync;

/// <summary>Expected orders taken from Node 20 (<c>Array.prototype.sort</c> with <c>localeCompare</c>), as directus-sync sorts.</summary>
public sealed class DumpOrderTests
{
    public sealed class TheSort
    {
        [Fact]
        public void Should_sort_by_sync_id_as_localeCompare_does_When_the_collection_is_ordered_by_sync_id()
        {
            // Given
            var items = Items("_syncId", "b", "B", "a", "_sync_default_settings", "9f1c", "10ab", "a1b2");

            // When
            var sorted = DumpOrder.Sort(SystemCollections.Roles, items);

            // Then
            sorted.Select(i => i["_syncId"]!.ToString()).Should().Equal("_sync_default_settings", "10ab", "9f1c", "a", "a1b2", "b", "B");
        }

        [Fact]
        public void Should_sort_operations_by_key_and_keep_equal_keys_in_input_order_When_writing_operations()
        {
            // Given
            var items = new[] { ("log", "1"), ("Alert", "2"), ("check", "3"), ("alert", "4"), ("log", "5"), ("_start", "6") }
                .Select(k => Json.Object($"{{ key: '{k.Item1}', _syncId: 'op-{k.Item2}' }}"));

            // When
            var sorted = DumpOrder.Sort(SystemCollections.Operations, items);

            // Then
            sorted.Select(i => $"{i["key"]}{i["_syncId"]!.ToString()[3..]}").Should().Equal("_start6", "alert4", "Alert2", "check3", "log1", "log5");
        }

        [Fact]
        public void Should_sort_by_policy_collection_action_text_When_writing_permissions()
        {
            // Given
            var items = new[]
            {
                "{ policy: 'p2', collection: 'articles', action: 'read' }",
                "{ policy: 'p1', collection: 'article', action: 'read' }",
                "{ policy: 'p1', collection: 'article_tags', action: 'read' }",
                "{ policy: null, collection: 'pages', action: 'read' }",
                "{ collection: 'pages', action: 'read' }",
                "{ policy: 'P1', collection: 'article', action: 'create' }",
            }.Select(Json.Object);

            // When
            var sorted = DumpOrder.Sort(SystemCollections.Permissions, items);

            // Then
            sorted.Select(i => $"{i["policy"]?.ToString() ?? "?"}|{i["collection"]}|{i["action"]}").Should().Equal(
                "|pages|read",
                "p1|article_tags|read",
                "P1|article|create",
                "p1|article|read",
                "p2|articles|read",
                "?|pages|read");
        }

        [Fact]
        public void Should_keep_input_order_When_sort_keys_are_equal()
        {
            // Given
            var items = new[] { "{ key: 'same', name: 'first' }", "{ key: 'same', name: 'second' }", "{ key: 'same', name: 'third' }" }.Select(Json.Object);

            // When
            var sorted = DumpOrder.Sort(SystemCollections.Operations, items);

            // Then
            sorted.Select(i => i["name"]!.ToString()).Should().Equal("first", "second", "third");
        }

        [Fact]
        public void Should_leave_the_items_unchanged_When_sorting()
        {
            // Given
            var item = Json.Object("{ name: 'Editor', _syncId: 'b' }");

            // When
            var sorted = DumpOrder.Sort(SystemCollections.Roles, [item, Json.Object("{ _syncId: 'a' }")]).ToList();

            // Then
            sorted[1].Should().BeSameAs(item);
            item.ShouldBeJson("{ name: 'Editor', _syncId: 'b' }");
        }

        private static IEnumerable<JObject> Items(string field, params string[] values) =>
            values.Select(v => new JObject { [field] = v });
    }
}
