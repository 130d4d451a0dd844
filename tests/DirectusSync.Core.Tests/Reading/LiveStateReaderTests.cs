using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using DirectusSync.Core.Reading;
using DirectusSync.Core.Tests.Transport;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Reading;

public sealed class LiveStateReaderTests : IDisposable
{
    private const string MapRoute = "GET /directus-extension-sync/table/";

    private readonly FakeDirectus _directus = new();
    private readonly DirectusClient _client;
    private readonly LiveStateReader _reader;

    public LiveStateReaderTests()
    {
        _client = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = new Uri("http://127.0.0.1:8055"),
            Credentials = DirectusCredentials.FromToken("reader-token"),
            Handler = _directus,
            TimeProvider = new InstantClock(),
        });
        _reader = new LiveStateReader(_client, new IdMapClient(_client));
    }

    public void Dispose() => _client.Dispose();

    public sealed class TheReadAsyncMethod : IDisposable
    {
        private readonly LiveStateReaderTests _given = new();

        public void Dispose() => _given.Dispose();

        [Fact]
        public async Task Should_read_every_item_and_every_id_map_in_one_request_each_When_a_collection_is_synced()
        {
            // Given
            _given.Placeholders();
            _given._directus.OnData("GET /dashboards", Json.Array("""{"id":"d-1","name":"Sales"}""", """{"id":"d-2","name":"Ops"}"""));
            _given._directus.OnData(MapRoute + "dashboards", Json.Array("""{"id":7,"table":"dashboards","sync_id":"s-1","local_id":"d-1"}"""));

            // When
            var live = await _given._reader.ReadAsync([SystemCollections.Dashboards]);

            // Then
            var dashboards = live.Collections["dashboards"];
            dashboards.Items.Select(i => i["name"]!.ToString()).Should().Equal("Sales", "Ops");
            dashboards.IdMaps.Should().Equal(new IdMap(7, "dashboards", "s-1", "d-1"));
            _given.Reads("GET /dashboards").Should().ContainSingle().Which.Should().Be("limit=-1");
            _given.Reads(MapRoute + "dashboards").Should().ContainSingle();
        }

        [Fact]
        public async Task Should_read_only_the_id_maps_of_a_relation_target_When_it_is_not_synced()
        {
            // Given panels, which point at dashboards
            _given.Placeholders();
            _given._directus.OnData("GET /panels", Json.Array("""{"id":"p-1","dashboard":"d-1"}"""));
            _given._directus.OnData(MapRoute + "panels", new JArray());
            _given._directus.OnData(MapRoute + "dashboards", Json.Array("""{"id":1,"table":"dashboards","sync_id":"s-d","local_id":"d-1"}"""));

            // When
            var live = await _given._reader.ReadAsync([SystemCollections.Panels]);

            // Then the dashboards' maps are there to translate the relation, their items are not read
            live.Collections.Keys.Should().BeEquivalentTo("panels", "dashboards");
            live.Collections["dashboards"].Items.Should().BeEmpty();
            live.Collections["dashboards"].IdMaps.Should().ContainSingle().Which.SyncId.Should().Be("s-d");
            _given.Reads("GET /dashboards").Should().BeEmpty();
        }

        [Fact]
        public async Task Should_send_the_hook_query_with_the_collections_own_additions_When_a_query_is_given()
        {
            // Given an onQuery hook that limits presets to bookmarks
            _given.Placeholders();
            _given._directus.OnData("GET /presets", new JArray());
            _given._directus.OnData(MapRoute + "presets", new JArray());
            _given._directus.OnData(MapRoute + "roles", new JArray());
            var hooked = new JObject { ["limit"] = 50, ["filter"] = new JObject { ["bookmark"] = new JObject { ["_nnull"] = true } } };

            // When
            await _given._reader.ReadAsync([SystemCollections.Presets], c => LiveStateReader.BuildQuery(c, hooked));

            // Then the hook's limit stays and the presets' own filter (no personal presets) is merged into the hook's
            var query = _given.Reads("GET /presets").Should().ContainSingle().Subject;
            query.Should().Contain("limit=50");
            var filter = JObject.Parse(query[(query.IndexOf("filter=", StringComparison.Ordinal) + "filter=".Length)..]);
            filter.Should().BeEquivalentTo(JObject.Parse("""{"bookmark":{"_nnull":true},"user":{"_null":true}}"""));
        }

        [Fact]
        public async Task Should_read_policies_with_their_access_rows_When_policies_are_synced()
        {
            // Given one policy (read twice: for the items and for the placeholders)
            var policies = Json.Array("""{"id":"p-1","name":"Editors","roles":[{"id":5,"role":"r-1","user":null,"sort":1}]}""");
            _given._directus.OnData("GET /users/me", JObject.Parse("""{"role":null}"""));
            _given._directus.OnData("GET /settings", JObject.Parse("""{"id":1}"""));
            _given._directus.OnData("GET /policies", policies);
            _given._directus.OnData("GET /policies", policies);
            _given._directus.OnData(MapRoute + "policies", new JArray());
            _given._directus.OnData(MapRoute + "roles", new JArray());

            // When
            var live = await _given._reader.ReadAsync([SystemCollections.Policies]);

            // Then the item read (not the placeholder read) asked for every field and the access rows' own fields
            _given.Reads("GET /policies").Should().Contain("limit=-1&fields=*,roles.id,roles.role,roles.user,roles.sort");
            live.Collections["policies"].Items.Should().ContainSingle(p => p["name"]!.ToString() == "Editors");
        }

        [Fact]
        public async Task Should_read_only_global_and_role_presets_When_presets_are_synced()
        {
            // Given
            _given.Placeholders();
            _given._directus.OnData("GET /presets", new JArray());
            _given._directus.OnData(MapRoute + "presets", new JArray());
            _given._directus.OnData(MapRoute + "roles", new JArray());

            // When
            await _given._reader.ReadAsync([SystemCollections.Presets]);

            // Then a user's own presets are not asked for
            _given.Reads("GET /presets").Should().Equal("limit=-1&filter={\"user\":{\"_null\":true}}");
        }

        [Fact]
        public async Task Should_send_the_hook_query_as_it_is_When_the_collection_adds_nothing_to_it()
        {
            // Given
            _given.Placeholders();
            _given._directus.OnData("GET /translations", new JArray());
            _given._directus.OnData(MapRoute + "translations", new JArray());
            var hooked = new JObject { ["limit"] = 10, ["sort"] = new JArray("key") };

            // When
            await _given._reader.ReadAsync([SystemCollections.Translations], c => LiveStateReader.BuildQuery(c, hooked));

            // Then
            _given.Reads("GET /translations").Should().Equal("limit=10&sort=key");
        }

        [Fact]
        public async Task Should_leave_out_permissions_without_an_id_When_an_admin_sees_virtual_ones()
        {
            // Given
            _given.Placeholders();
            _given._directus.OnData("GET /permissions", Json.Array("""{"id":3,"collection":"articles","action":"read"}""", """{"id":null,"collection":"directus_users","action":"read"}"""));
            _given._directus.OnData(MapRoute + "permissions", new JArray());
            _given._directus.OnData(MapRoute + "policies", new JArray());

            // When
            var live = await _given._reader.ReadAsync([SystemCollections.Permissions]);

            // Then
            live.Collections["permissions"].Items.Should().ContainSingle().Which["id"]!.Value<int>().Should().Be(3);
        }

        [Fact]
        public async Task Should_give_the_settings_row_the_id_1_When_the_answer_has_none()
        {
            // Given a settings row without an id (read twice: for the items and for the settings placeholder)
            _given._directus.OnData("GET /users/me", JObject.Parse("""{"role":null}"""));
            _given._directus.OnData("GET /policies", new JArray());
            _given._directus.OnData("GET /settings", JObject.Parse("""{"project_name":"Shop"}"""));
            _given._directus.OnData("GET /settings", JObject.Parse("""{"project_name":"Shop"}"""));
            _given._directus.OnData(MapRoute + "settings", new JArray());
            _given._directus.OnData(MapRoute + "roles", new JArray());
            _given._directus.OnData(MapRoute + "folders", new JArray());

            // When
            var live = await _given._reader.ReadAsync([SystemCollections.Settings]);

            // Then one row, with the reference's fallback id, read without a limit or a filter
            live.Collections["settings"].Items.Should().ContainSingle().Which["id"]!.Value<int>().Should().Be(1);
            live.Placeholders.Settings.Should().Be("1");
            _given.Reads("GET /settings").Should().Contain(string.Empty);
        }
    }

    public sealed class TheReadAsyncMethodWithoutTheExtension : IDisposable
    {
        private readonly LiveStateReaderTests _given = new();

        public void Dispose() => _given.Dispose();

        [Fact]
        public async Task Should_derive_the_maps_from_the_items_and_never_ask_the_extension_When_it_has_no_id_map_client()
        {
            // Given permissions of the admin policy, which is a relation target
            _given._directus.OnData("GET /users/me", JObject.Parse("""{"role":"r-admin"}"""));
            // (policies are read twice, in any order: for the placeholders and for their ids)
            var policies = Json.Array("""{"id":"p-admin","admin_access":true,"roles":[{"role":"r-admin","user":null,"sort":1}]}""", """{"id":"p-editor","admin_access":false,"roles":[]}""");
            _given._directus.OnData("GET /policies", policies);
            _given._directus.OnData("GET /policies", policies);
            _given._directus.OnData("GET /settings", JObject.Parse("""{"id":1}"""));
            _given._directus.OnData("GET /permissions", Json.Array("""{"id":3,"policy":"p-admin","collection":"articles","action":"read"}"""));
            var reader = new LiveStateReader(_given._client, idMaps: null);

            // When
            var live = await reader.ReadAsync([SystemCollections.Permissions]);

            // Then
            _given._directus.Sent.Should().NotContain(r => r.Route.StartsWith(MapRoute, StringComparison.Ordinal));
            live.Collections["policies"].Items.Should().BeEmpty("a relation target keeps its maps, not its items");
            live.Collections["policies"].IdMaps.Select(m => (m.SyncId, m.LocalId)).Should().BeEquivalentTo(
                [(DirectusSync.Core.Model.Placeholders.AdminPolicy, "p-admin"), ("p-editor", "p-editor")]);
            live.Collections["permissions"].IdMaps.Should().ContainSingle().Which.SyncId.Should().Be(
                DerivedIdMaps.SyncIdOfKey("""["permissions","_sync_default_admin_policy","articles","read"]""", 0));
            _given.Reads("GET /policies").Should().Contain("limit=-1&fields=id");
        }
    }

    public sealed class TheReadPlaceholdersAsyncMethod : IDisposable
    {
        private readonly LiveStateReaderTests _given = new();

        public void Dispose() => _given.Dispose();

        [Fact]
        public async Task Should_find_the_admin_role_its_admin_policy_the_public_policy_and_the_settings_row()
        {
            // Given
            _given._directus.OnData("GET /users/me", JObject.Parse("""{"role":"r-admin"}"""));
            _given._directus.OnData("GET /policies", Json.Array(
                """{"id":"p-editor","admin_access":false,"roles":[{"role":"r-editor","user":null,"sort":1}]}""",
                """{"id":"p-other-admin","admin_access":true,"roles":[{"role":"r-other","user":null,"sort":1}]}""",
                """{"id":"p-admin","admin_access":true,"roles":[{"role":"r-admin","user":null,"sort":1}]}""",
                """{"id":"p-public","admin_access":false,"roles":[{"role":null,"user":null,"sort":1}]}"""));
            _given._directus.OnData("GET /settings", JObject.Parse("""{"id":4}"""));

            // When
            var targets = await _given._reader.ReadPlaceholdersAsync();

            // Then
            targets.Should().Be(new PlaceholderTargets("r-admin", "p-admin", "p-public", "4"));
            _given.Reads("GET /policies").Should().ContainSingle()
                .Which.Should().Be("limit=-1&fields=id,admin_access,roles.role,roles.user,roles.sort");
        }

        [Fact]
        public async Task Should_take_a_public_policy_without_a_sort_When_the_instance_was_migrated_from_directus_10()
        {
            // Given
            _given._directus.OnData("GET /users/me", JObject.Parse("""{"role":null}"""));
            _given._directus.OnData("GET /policies", Json.Array("""{"id":"p-public","admin_access":false,"roles":[{"role":null,"user":null,"sort":null}]}"""));
            _given._directus.OnData("GET /settings", JObject.Parse("""{"id":null}"""));

            // When
            var targets = await _given._reader.ReadPlaceholdersAsync();

            // Then no admin role (a token without one), no admin policy, and the settings row falls back to 1
            targets.Should().Be(new PlaceholderTargets(null, null, "p-public", "1"));
        }

        [Fact]
        public async Task Should_not_take_a_users_own_access_row_for_the_public_policy()
        {
            // Given a policy given to one user, not to a role
            _given._directus.OnData("GET /users/me", JObject.Parse("""{"role":"r-admin"}"""));
            _given._directus.OnData("GET /policies", Json.Array("""{"id":"p-personal","admin_access":false,"roles":[{"role":null,"user":"u-1","sort":1}]}"""));
            _given._directus.OnData("GET /settings", JObject.Parse("""{"id":1}"""));

            // When
            var targets = await _given._reader.ReadPlaceholdersAsync();

            // Then
            targets.PublicPolicy.Should().BeNull();
        }
    }

    public sealed class TheBuildQueryMethod
    {
        [Fact]
        public void Should_ask_for_every_item_When_no_hook_changed_the_query()
        {
            // When
            var query = LiveStateReader.DefaultQuery(SystemCollections.Roles);

            // Then
            Uri.UnescapeDataString(query).Should().Be("limit=-1");
        }

        [Fact]
        public void Should_drop_the_filter_and_the_limit_When_the_collection_is_the_settings_singleton()
        {
            // When
            var query = LiveStateReader.BuildQuery(SystemCollections.Settings, new JObject { ["limit"] = 10, ["filter"] = new JObject { ["id"] = 1 }, ["fields"] = new JArray("*") });

            // Then
            Uri.UnescapeDataString(query).Should().Be("fields=*");
        }

        [Fact]
        public void Should_add_the_access_row_fields_to_the_hooks_fields_When_policies_are_read()
        {
            // When
            var query = LiveStateReader.BuildQuery(SystemCollections.Policies, new JObject { ["fields"] = new JArray("id", "name") });

            // Then
            Uri.UnescapeDataString(query).Should().Be("fields=id,name,*,roles.id,roles.role,roles.user,roles.sort");
        }
    }

    // The placeholder reads every ReadAsync makes: no admin role, no policies, settings row 1.
    private void Placeholders()
    {
        _directus.OnData("GET /users/me", JObject.Parse("""{"role":null}"""));
        _directus.OnData("GET /policies", new JArray());
        _directus.OnData("GET /settings", JObject.Parse("""{"id":1}"""));
    }

    private List<string> Reads(string route) => _directus.Sent.Where(r => r.Route == route).Select(r => r.Query).ToList();

    private static class Json
    {
        public static JArray Array(params string[] items) => new(items.Select(JObject.Parse));
    }
}
