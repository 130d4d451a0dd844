using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Scripting;
using DirectusSync.Cli.Tests.Support;
using DirectusSync.Core.Logging;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Tests.Scripting;

public sealed class JsConfigHostTests
{
    public sealed class TheBoundHooks : IDisposable
    {
        private readonly TempFolder _folder = new();
        private readonly RecordingLog _log = new();

        [Fact]
        public async Task Should_add_the_field_to_every_role_When_running_the_guide_onSave_example()
        {
            // Given: the guide's "Collection Updates" example, verbatim.
            var hooks = Bind("""
                module.exports = {
                  hooks: {
                    roles: {
                      onSave: (roles) => {
                        // Update role structure for new version
                        return roles.map(role => ({
                          ...role,
                          // Add new required fields
                          enforce_tfa: false,
                        }));
                      },
                    },
                  },
                };
                """);

            // When
            var saved = await hooks.For("roles").OnSave!(JArray.Parse("""[{"name":"Editor","_syncId":"a"},{"name":"Admin","_syncId":"b"}]"""), CancellationToken.None);

            // Then
            saved.Should().BeEquivalentTo(JArray.Parse("""[{"name":"Editor","_syncId":"a","enforce_tfa":false},{"name":"Admin","_syncId":"b","enforce_tfa":false}]"""));
        }

        [Fact]
        public async Task Should_return_the_snapshot_unchanged_When_running_the_guide_onLoad_example_on_another_version()
        {
            // Given: the guide's "Schema Modifications" example, verbatim; DIRECTUS_VERSION is not 11.0.0.
            var hooks = Bind("""
                // directus-sync.config.js
                module.exports = {
                  hooks: {
                    snapshot: {
                      onLoad: async (snapshot) => {
                        // Handle schema changes
                        if (process.env.DIRECTUS_VERSION === '11.0.0') {
                          // Modify schema for version 11
                          snapshot.collections = snapshot.collections.map(/* ... */);
                        }
                        return snapshot;
                      },
                    },
                  },
                };
                """);
            var snapshot = JObject.Parse("""{"version":1,"collections":[{"collection":"a"}],"fields":[],"relations":[]}""");

            // When
            var loaded = await hooks.Snapshot.OnLoad!(snapshot, CancellationToken.None);

            // Then
            loaded.Should().BeEquivalentTo(snapshot);
        }

        [Fact]
        public async Task Should_pass_the_query_through_When_an_onQuery_hook_adds_a_filter()
        {
            // Given
            var hooks = Bind("""
                module.exports = { hooks: { flows: { onQuery: (query, client) => { query.filter = { name: { _nstarts_with: 'test' } }; return query; } } } };
                """);

            // When
            var query = await hooks.For("flows").OnQuery!(JObject.Parse("""{"limit":-1}"""), CancellationToken.None);

            // Then
            query.Should().BeEquivalentTo(JObject.Parse("""{"limit":-1,"filter":{"name":{"_nstarts_with":"test"}}}"""));
        }

        [Fact]
        public async Task Should_await_the_promise_When_a_hook_is_async()
        {
            // Given
            var hooks = Bind("""
                const later = (value) => new Promise((resolve) => resolve(value));
                module.exports = { hooks: { operations: { onLoad: async (items) => { const sorted = await later([...items].sort((a, b) => a.key.localeCompare(b.key))); return sorted; } } } };
                """);

            // When
            var items = await hooks.For("operations").OnLoad!(JArray.Parse("""[{"key":"b"},{"key":"a"}]"""), CancellationToken.None);

            // Then
            items.Select(i => i["key"]!.ToString()).Should().Equal("a", "b");
        }

        [Fact]
        public async Task Should_name_the_file_and_hook_When_the_hook_uses_the_client()
        {
            // Given
            var hooks = Bind("""
                module.exports = { hooks: { roles: { onDump: async (roles, client) => { await client.request({}); return roles; } } } };
                """);

            // When
            var act = () => hooks.For("roles").OnDump!(new JArray(), CancellationToken.None);

            // Then
            (await act.Should().ThrowAsync<ConfigFileException>()).Which.Message.Should()
                .StartWith(Path.Combine(_folder.Path, "directus-sync.config.js"))
                .And.Contain("hooks.roles.onDump failed: client.request is not available");
        }

        [Fact]
        public async Task Should_name_the_file_and_hook_When_the_hook_requires_a_package()
        {
            // Given
            var hooks = Bind("""
                module.exports = { hooks: { policies: { onLoad: (items) => { const _ = require('lodash'); return items; } } } };
                """);

            // When
            var act = () => hooks.For("policies").OnLoad!(new JArray(), CancellationToken.None);

            // Then
            (await act.Should().ThrowAsync<ConfigFileException>()).Which.Message.Should()
                .Contain("hooks.policies.onLoad failed: require('lodash') is not available").And.Contain("(line 1)");
        }

        [Fact]
        public async Task Should_say_what_to_return_When_a_hook_returns_nothing()
        {
            // Given
            var hooks = Bind("module.exports = { hooks: { roles: { onSave: (roles) => { roles.forEach(r => r.x = 1); } } } };");

            // When
            var act = () => hooks.For("roles").OnSave!(new JArray(), CancellationToken.None);

            // Then
            (await act.Should().ThrowAsync<ConfigFileException>()).Which.Message.Should().Contain("hooks.roles.onSave returned nothing");
        }

        [Fact]
        public async Task Should_write_to_the_log_When_a_hook_uses_console()
        {
            // Given
            var hooks = Bind("module.exports = { hooks: { roles: { onLoad: (roles) => { console.log('roles:', roles.length); console.warn({ a: 1 }); return roles; } } } };");

            // When
            await hooks.For("roles").OnLoad!(JArray.Parse("[{},{}]"), CancellationToken.None);

            // Then
            _log.Lines.Should().Contain((SyncLogLevel.Info, "hooks", "roles: 2"));
            _log.Lines.Should().Contain((SyncLogLevel.Warning, "hooks", """{"a":1}"""));
        }

        [Fact]
        public void Should_have_no_hooks_When_the_config_has_none()
        {
            // Given
            var hooks = HookBinder.Bind(null, null);

            // Then
            hooks.Collections.Should().BeEmpty();
            hooks.Snapshot.OnLoad.Should().BeNull();
        }

        public void Dispose() => _folder.Dispose();

        private Core.Sync.SyncHooks Bind(string source)
        {
            _folder.Write("directus-sync.config.js", source);
            var loaded = new ConfigFileLoader(TestEnvironment.In(_folder.Path), _log, CancellationToken.None).Load(null)!;
            return HookBinder.Bind(loaded.Values["hooks"] as JObject, loaded.Scripts);
        }
    }
}
