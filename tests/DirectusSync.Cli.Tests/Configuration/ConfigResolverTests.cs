using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Tests.Support;
using DirectusSync.Core.Model;
using DirectusSync.Core.Sync;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Tests.Configuration;

public sealed class ConfigResolverTests
{
    public sealed class TheResolve
    {
        [Fact]
        public void Should_give_the_reference_defaults_When_nothing_is_set()
        {
            // Given
            OptionLayer[] layers = [OptionLayer.Defaults()];

            // When
            var config = ConfigResolver.Resolve(layers);

            // Then
            config.Sync.Should().BeEquivalentTo(new SyncOptions(), o => o.Excluding(s => s.Hooks));
            config.Debug.Should().BeFalse();
            config.Connection.Url.Should().BeNull();
            config.Hooks.Should().BeNull();
        }

        [Fact]
        public void Should_apply_defaults_then_file_then_environment_then_flags_When_all_set_a_value()
        {
            // Given
            var environment = TestEnvironment.In("/w", ("DIRECTUS_URL", "http://env"), ("DIRECTUS_TOKEN", "env-token"));
            OptionLayer[] layers =
            [
                OptionLayer.Defaults(),
                new("/w/directus-sync.config.json", JObject.Parse("""{"directusUrl":"http://file","directusToken":"file-token","dumpPath":"./file","snapshot":false}""")),
                OptionLayer.FromEnvironment(environment),
                new("command line", JObject.Parse("""{"directusToken":"flag-token"}""")),
            ];

            // When
            var config = ConfigResolver.Resolve(layers);

            // Then
            config.Connection.Url!.Value.Should().Be("http://env");
            config.Connection.UrlOrigin.Should().Be("DIRECTUS_URL");
            config.Connection.Token!.Value.Should().Be("flag-token");
            config.Connection.CredentialsOrigin.Should().Be("--directus-token");
            config.Sync.DumpPath.Should().Be("./file");
            config.Sync.Snapshot.Should().BeFalse("a file's false must survive when no --no-snapshot was typed");
        }

        [Fact]
        public void Should_add_the_flag_list_to_the_file_list_When_both_exclude_collections()
        {
            // Given
            OptionLayer[] layers =
            [
                OptionLayer.Defaults(),
                new("c.json", JObject.Parse("""{"excludeCollections":["presets"]}""")),
                new("command line", JObject.Parse("""{"excludeCollections":["roles","presets"]}""")),
            ];

            // When
            var config = ConfigResolver.Resolve(layers);

            // Then
            config.Sync.ExcludeCollections.Should().Equal("presets", "roles");
        }

        [Fact]
        public void Should_map_every_key_onto_sync_options_When_the_file_sets_them()
        {
            // Given
            OptionLayer[] layers =
            [
                OptionLayer.Defaults(),
                new("c.json", JObject.Parse("""
                    {"dumpPath":"./d","collectionsPath":"c","snapshotPath":"s","specsPath":"p","onlyCollections":["roles"],"collections":false,
                     "split":false,"specs":false,"syncPolicyRoles":false,"preserveIds":"all","maxPushRetries":"0","sortJson":true,"debug":true}
                    """)),
            ];

            // When
            var config = ConfigResolver.Resolve(layers);

            // Then
            config.Debug.Should().BeTrue();
            config.Sync.Should().BeEquivalentTo(new SyncOptions
            {
                DumpPath = "./d", CollectionsPath = "c", SnapshotPath = "s", SpecsPath = "p", OnlyCollections = ["roles"], Collections = false,
                Split = false, Specs = false, SyncPolicyRoles = false, PreserveIds = ["all"], MaxPushRetries = 0, SortJson = true,
            }, o => o.Excluding(s => s.Hooks));
        }

        [Theory]
        [InlineData("derived", IdMapMode.Derived)]
        [InlineData("auto", IdMapMode.Auto)]
        [InlineData("Extension", IdMapMode.Extension)]
        public void Should_read_where_sync_ids_live_When_a_layer_sets_id_maps(string value, IdMapMode expected)
        {
            // Given
            OptionLayer[] layers = [OptionLayer.Defaults(), new("command line", new JObject { ["idMaps"] = value })];

            // When
            var config = ConfigResolver.Resolve(layers);

            // Then
            config.Sync.IdMaps.Should().Be(expected);
        }

        [Theory]
        [InlineData(null, false)]
        [InlineData(true, true)]
        public void Should_clear_the_system_cache_only_where_stale_by_default_When_resolving(bool? configured, bool expected)
        {
            // Given
            var file = configured is null ? new JObject() : new JObject { ["clearSystemCache"] = configured.Value };
            OptionLayer[] layers = [OptionLayer.Defaults(), new("directus-sync.config.json", file)];

            // When
            var config = ConfigResolver.Resolve(layers);

            // Then
            config.Sync.ClearSystemCache.Should().Be(expected);
        }

        [Fact]
        public void Should_treat_an_empty_variable_as_unset_When_reading_the_environment()
        {
            // Given
            var environment = TestEnvironment.In("/w", ("DIRECTUS_TOKEN", ""), ("DIRECTUS_ADMIN_EMAIL", "a@b.c"), ("DIRECTUS_ADMIN_PASSWORD", "secret"));

            // When
            var config = ConfigResolver.Resolve([OptionLayer.Defaults(), OptionLayer.FromEnvironment(environment)]);

            // Then
            config.Connection.Token.Should().BeNull();
            config.Connection.Email!.Value.Should().Be("a@b.c");
            config.Connection.CredentialsOrigin.Should().Be("DIRECTUS_ADMIN_EMAIL");
        }
    }
}
