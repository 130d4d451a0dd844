using System.CommandLine;
using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Options;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Tests.Options;

public sealed class FlagLayerTests
{
    public sealed class TheBuild
    {
        private readonly GlobalOptions _global = new();
        private readonly SyncCommandOptions _sync = new();

        [Fact]
        public void Should_hold_no_value_When_no_flag_is_given()
        {
            // Given
            var parse = Parse("pull");

            // When
            var layer = FlagLayer.Build(parse, _global, _sync);

            // Then
            layer.Values.Properties().Should().BeEmpty("absent flags must leave the config file in charge");
        }

        [Fact]
        public void Should_set_the_positive_key_to_false_When_a_no_flag_is_given()
        {
            // Given
            var parse = Parse("pull", "--no-snapshot", "--no-split", "--no-specs", "--no-collections", "--no-sync-policy-roles");

            // When
            var layer = FlagLayer.Build(parse, _global, _sync);

            // Then
            foreach (var key in new[] { ConfigKeys.Snapshot, ConfigKeys.Split, ConfigKeys.Specs, ConfigKeys.Collections, ConfigKeys.SyncPolicyRoles })
            {
                layer.Values[key]!.Value<bool>().Should().BeFalse(key);
            }
        }

        [Fact]
        public void Should_set_id_maps_When_the_flag_is_given()
        {
            // Given
            var parse = Parse("pull", "--id-maps", "derived");

            // When
            var layer = FlagLayer.Build(parse, _global, _sync);

            // Then
            layer.Values[ConfigKeys.IdMaps]!.Value<string>().Should().Be("derived");
        }

        [Fact]
        public void Should_set_clear_system_cache_When_the_flag_is_given()
        {
            // Given
            var parse = Parse("pull", "--clear-system-cache");

            // When
            var layer = FlagLayer.Build(parse, _global, _sync);

            // Then
            layer.Values[ConfigKeys.ClearSystemCache]!.Value<bool>().Should().BeTrue();
        }

        [Theory]
        [InlineData("-d", "-u", "http://a", "pull")]
        [InlineData("pull", "-d", "-u", "http://a")]
        [InlineData("--debug", "pull", "--directus-url", "http://a")]
        public void Should_read_global_options_When_they_come_before_or_after_the_command(params string[] args)
        {
            // Given
            var parse = Parse(args);

            // When
            var layer = FlagLayer.Build(parse, _global, _sync);

            // Then
            parse.Errors.Should().BeEmpty();
            layer.Values[ConfigKeys.Debug]!.Value<bool>().Should().BeTrue();
            layer.Values[ConfigKeys.DirectusUrl]!.Value<string>().Should().Be("http://a");
        }

        [Fact]
        public void Should_read_every_name_When_an_unquoted_list_has_spaces_after_commas()
        {
            // Given
            var parse = Parse("pull", "--exclude-collections=roles,", "policies", "-o", "flows,operations");

            // When
            var layer = FlagLayer.Build(parse, _global, _sync);

            // Then
            parse.Errors.Should().BeEmpty();
            layer.Values[ConfigKeys.ExcludeCollections]!.Values<string>().Should().Equal("roles", "policies");
            layer.Values[ConfigKeys.OnlyCollections]!.Values<string>().Should().Equal("flows", "operations");
        }

        [Theory]
        [InlineData("all")]
        [InlineData("*")]
        public void Should_keep_the_word_When_preserve_ids_is_all(string value)
        {
            // Given
            var parse = Parse("pull", "--preserve-ids", value);

            // When
            var layer = FlagLayer.Build(parse, _global, _sync);

            // Then
            layer.Values[ConfigKeys.PreserveIds]!.Type.Should().Be(JTokenType.String);
            layer.Values[ConfigKeys.PreserveIds]!.Value<string>().Should().Be(value);
        }

        [Fact]
        public void Should_set_paths_and_retries_When_they_are_given()
        {
            // Given
            var parse = Parse("pull", "--dump-path", "./backup", "--collections-path", "c", "--snapshot-path", "s", "--specs-path", "p",
                "--max-push-retries", "3", "--sort-json", "-t", "tok", "-e", "a@b.c", "-p", "pw");

            // When
            var layer = FlagLayer.Build(parse, _global, _sync);

            // Then
            layer.Values.Should().BeEquivalentTo(JObject.Parse("""
                {"dumpPath":"./backup","collectionsPath":"c","snapshotPath":"s","specsPath":"p","maxPushRetries":3,"sortJson":true,
                 "directusToken":"tok","directusEmail":"a@b.c","directusPassword":"pw"}
                """));
        }

        private ParseResult Parse(params string[] args)
        {
            var pull = new Command("pull");
            foreach (var option in _sync.Shared.Concat([_sync.PreserveIds, _sync.SpecsPath, _sync.NoSpecs, _sync.MaxPushRetries, _sync.IdMaps, _sync.ClearSystemCache]))
            {
                pull.Options.Add(option);
            }

            var root = new Command("directus-sync") { pull };
            foreach (var option in _global.All)
            {
                root.Options.Add(option);
            }

            return root.Parse(args);
        }
    }
}
