using DirectusSync.Core.Model;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Transport;

public sealed class ItemsClientTests : IDisposable
{
    private readonly FakeDirectus _directus = new();
    private readonly DirectusClient _client;
    private readonly ItemsClient _items;

    public ItemsClientTests()
    {
        _client = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = new Uri("http://127.0.0.1:8055"),
            Credentials = DirectusCredentials.FromToken("items-token"),
            Handler = _directus,
            TimeProvider = new InstantClock(),
        });
        _items = new ItemsClient(_client);
    }

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("directus_roles", "/roles")]
    [InlineData("directus_files", "/files")]
    [InlineData("articles", "/items/articles")]
    [InlineData("a b/c", "/items/a%20b%2Fc")]
    public void Should_route_system_collections_to_their_own_path_and_custom_ones_under_items(string collection, string path)
    {
        // When
        var routed = ItemsClient.PathOf(collection);

        // Then
        routed.Should().Be(path);
    }

    public static TheoryData<string> SystemCollectionNames => [.. SystemCollections.Names];

    [Theory]
    [MemberData(nameof(SystemCollectionNames))]
    public async Task Should_write_to_the_collection_s_own_route_When_the_executor_names_a_system_collection(string name)
    {
        // Given the name the executor passes for a collection of the dump
        var collection = SystemCollections.Get(name).DirectusCollection;

        // When
        await _items.UpdateAsync(collection, "1", new JObject());

        // Then its system route, never one under /items
        _directus.Requests.Should().Equal($"PATCH /{name}/1");
    }

    [Theory]
    [InlineData("""[{"count":"42"}]""")]
    [InlineData("""{"count":42}""")]
    public async Task Should_read_the_row_count_When_directus_answers_it_as_a_list_or_an_object(string answer)
    {
        // Given
        _directus.OnData("GET /items/articles", JToken.Parse(answer));

        // When
        var count = await _items.CountAsync("articles");

        // Then
        count.Should().Be(42);
        _directus.Sent.Single().Query.Should().Be("aggregate[count]=*");
    }

    [Fact]
    public async Task Should_return_the_singleton_as_the_only_item_When_the_answer_is_one_object()
    {
        // Given
        _directus.OnData("GET /settings", JObject.Parse("""{"id":1,"project_name":"Shop"}"""));

        // When
        var items = await _items.ListAsync("directus_settings", string.Empty);

        // Then
        items.Should().ContainSingle().Which["project_name"]!.ToString().Should().Be("Shop");
    }

    [Fact]
    public async Task Should_escape_the_key_and_send_the_body_When_an_item_is_created_updated_and_deleted()
    {
        // Given
        _directus.OnData("POST /items/articles", JObject.Parse("""{"id":"a/1"}"""));

        // When
        var created = await _items.CreateAsync("articles", new JObject { ["title"] = "Hello" });
        await _items.UpdateAsync("articles", "a/1", new JObject { ["title"] = "Bye" });
        await _items.DeleteAsync("articles", "a/1");

        // Then
        created!["id"]!.ToString().Should().Be("a/1");
        _directus.Sent.Select(r => (r.Route, r.Body)).Should().Equal(
            ("POST /items/articles", """{"title":"Hello"}"""),
            ("PATCH /items/articles/a%2F1", """{"title":"Bye"}"""),
            ("DELETE /items/articles/a%2F1", string.Empty));
    }

    [Fact]
    public async Task Should_send_one_request_per_batch_and_ask_only_for_keys_When_many_items_are_created_changed_and_deleted()
    {
        // Given
        _directus.OnData("POST /permissions", JArray.Parse("""[{"id":7},{"id":8}]"""));

        // When
        var created = await _items.CreateManyAsync("directus_permissions", JArray.Parse("""[{"action":"read"},{"action":"create"}]"""));
        await _items.UpdateManyAsync("directus_operations", ["o-1", "o-2"], new JObject { ["resolve"] = null });
        await _items.DeleteManyAsync("directus_permissions", new JArray(7, 8));

        // Then
        created.Select(c => c["id"]!.Value<int>()).Should().Equal(7, 8);
        _directus.Sent.Select(r => (r.Route, r.Query, r.Body)).Should().Equal(
            ("POST /permissions", "fields[]=id", """[{"action":"read"},{"action":"create"}]"""),
            ("PATCH /operations", string.Empty, """{"keys":["o-1","o-2"],"data":{"resolve":null}}"""),
            ("DELETE /permissions", string.Empty, "[7,8]"));
    }

    [Fact]
    public async Task Should_return_the_only_created_item_When_directus_answers_a_batch_create_with_one_object()
    {
        // Given
        _directus.OnData("POST /items/articles", JObject.Parse("""{"id":3}"""));

        // When
        var created = await _items.CreateManyAsync("articles", JArray.Parse("""[{"title":"One"}]"""));

        // Then
        created.Should().ContainSingle().Which["id"]!.Value<int>().Should().Be(3);
    }

    [Fact]
    public async Task Should_patch_the_collection_route_without_a_key_When_a_singleton_is_updated()
    {
        // When
        await _items.UpdateSingletonAsync("directus_settings", new JObject { ["project_name"] = "Shop" });

        // Then
        _directus.Sent.Select(r => (r.Route, r.Query)).Should().Equal(("PATCH /settings", "fields[]=id"));
    }

    [Fact]
    public async Task Should_upload_into_the_files_route_When_a_file_is_uploaded()
    {
        // Given
        _directus.OnData("POST /files", JObject.Parse("""{"id":"f-1"}"""));

        // When
        var file = await _items.UploadFileAsync([new("title", "Logo")], [1, 2], "logo.png", "image/png");

        // Then
        file!["id"]!.ToString().Should().Be("f-1");
        _directus.Requests.Should().Equal("POST /files");
    }
}
