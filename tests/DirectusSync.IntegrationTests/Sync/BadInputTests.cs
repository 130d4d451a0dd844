using DirectusSync.Core.Execution;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;
using DirectusSync.Core.Diff;

namespace DirectusSync.IntegrationTests.Sync;

/// <summary>Bad input gets a clear error naming the culprit, and nothing is written to Directus.</summary>
[Collection(DirectusCollection.Name)]
public sealed class BadInputTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_name_the_file_and_line_and_write_nothing_When_a_collection_file_is_malformed()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path });
        await File.WriteAllTextAsync(temp.Combine("collections", "flows.json"), "[\n  {\n    \"name\": \n  }\n]\n");
        var before = await ActivityCountAsync(client);

        // When
        var act = () => engine.PushAsync(new SyncOptions { DumpPath = temp.Path });

        // Then
        var error = (await act.Should().ThrowAsync<DumpFileException>()).Which;
        error.FilePath.Should().EndWith("flows.json");
        error.Message.Should().MatchRegex("line \\d+");
        (await ActivityCountAsync(client)).Should().Be(before);
    }

    [Fact]
    public async Task Should_name_the_option_and_the_valid_names_When_a_collection_name_is_unknown()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var before = await ActivityCountAsync(client);

        // When
        var act = () => new DirectusSyncEngine(client).PushAsync(new SyncOptions { DumpPath = temp.Path, OnlyCollections = ["roles", "users"] });

        // Then
        (await act.Should().ThrowAsync<SyncOptionsException>())
            .WithMessage("--only-collections: unknown collection(s) 'users'*Valid names: settings, folders*");
        (await ActivityCountAsync(client)).Should().Be(before);
    }

    [Fact]
    public async Task Should_refuse_before_any_write_When_a_relation_points_at_nothing()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path });
        var store = new CollectionDumpStore(new DumpLayout(temp.Path), sortKeys: false);
        store.Write("panels", new JArray(new JObject { ["name"] = "Orphan", ["type"] = "metric", ["dashboard"] = "no-such-dashboard", ["_syncId"] = "orphan-panel" }));
        var before = await ActivityCountAsync(client);

        // When
        var act = () => engine.PushAsync(new SyncOptions { DumpPath = temp.Path });

        // Then
        (await act.Should().ThrowAsync<PlanValidationException>())
            .WithMessage("*panels.json: item orphan-panel, field dashboard: 'no-such-dashboard'*");
        (await ActivityCountAsync(client)).Should().Be(before);
    }

    [Fact]
    public async Task Should_fail_with_401_and_no_secret_in_the_message_When_the_token_is_wrong()
    {
        // Given
        const string token = "a-wrong-but-secret-token";
        using var client = new DirectusClient(new DirectusClientOptions { BaseUrl = fixture.Instance.Url, Credentials = DirectusCredentials.FromToken(token) });
        using var temp = new TempFolder();

        // When
        var act = () => new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = temp.Path });

        // Then
        var error = (await act.Should().ThrowAsync<DirectusApiException>()).Which;
        error.StatusCode.Should().Be(401);
        error.ToString().Should().NotContain(token);
        Directory.Exists(temp.Combine("collections")).Should().BeFalse("nothing is written before the server answered");
    }

    [Fact]
    public async Task Should_say_the_server_did_not_answer_When_the_url_is_unreachable()
    {
        // Given
        var stub = new FakeDirectus();
        var deadUrl = stub.Listen();
        stub.Dispose();
        using var client = new DirectusClient(new DirectusClientOptions { BaseUrl = deadUrl, Credentials = DirectusCredentials.FromToken("t"), TransientRetries = 0 });
        using var temp = new TempFolder();

        // When
        var act = () => new DirectusSyncEngine(client).DiffAsync(new SyncOptions { DumpPath = temp.Path, Collections = false, Snapshot = false });

        // Then
        (await act.Should().ThrowAsync<DirectusApiException>()).Which.StatusCode.Should().Be(0);
    }

    [Fact]
    public async Task Should_point_to_the_extension_and_write_nothing_When_the_server_lacks_it()
    {
        // Given
        using var source = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = temp.Path });
        await using var bare = await DirectusInstance.StartAsync($"no-extension-{SampleConfiguration.NewSuffix()}", withExtension: false);
        using var client = bare.CreateClient();
        var before = await ActivityCountAsync(client);

        // When
        var act = () => new DirectusSyncEngine(client).PushAsync(new SyncOptions { DumpPath = temp.Path });

        // Then
        (await act.Should().ThrowAsync<DirectusApiException>()).WithMessage("*directus-extension-sync*install it*");
        (await ActivityCountAsync(client)).Should().Be(before);
    }

    [Fact]
    public async Task Should_point_to_the_old_tool_and_write_nothing_When_Directus_is_older_than_11()
    {
        // Given a server that says it is Directus 10 (a stub: fault injection)
        using var stub = new FakeDirectus { Version = "10.13.1", Strict = true };
        using var client = new DirectusClient(new DirectusClientOptions { BaseUrl = stub.Listen(), Credentials = DirectusCredentials.FromToken("t") });
        using var temp = new TempFolder();

        // When
        var act = () => new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = temp.Path });

        // Then
        (await act.Should().ThrowAsync<UnsupportedDirectusVersionException>()).WithMessage("*10.13.1*directus-sync@2.2.0*");
        stub.Requests.Should().Equal("GET /server/info");
    }

    private static async Task<int> ActivityCountAsync(DirectusClient client)
    {
        var data = await client.GetAsync("/activity?aggregate[count]=id");
        return data![0]!["count"]!["id"]!.Value<int>();
    }
}
