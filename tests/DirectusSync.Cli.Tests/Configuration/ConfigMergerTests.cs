using DirectusSync.Cli.Configuration;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Tests.Configuration;

public sealed class ConfigMergerTests
{
    public sealed class TheMerge
    {
        [Fact]
        public void Should_concatenate_arrays_base_first_When_both_layers_have_a_list()
        {
            // Given
            var parent = JObject.Parse("""{"excludeCollections":["presets"]}""");
            var child = JObject.Parse("""{"excludeCollections":["roles"]}""");

            // When
            var merged = ConfigMerger.Merge(parent, child);

            // Then
            merged["excludeCollections"]!.Values<string>().Should().Equal("presets", "roles");
        }

        [Fact]
        public void Should_let_the_overriding_layer_win_When_scalars_differ()
        {
            // Given
            var parent = JObject.Parse("""{"dumpPath":"./a","debug":false,"maxPushRetries":5}""");
            var child = JObject.Parse("""{"dumpPath":"./b","debug":true}""");

            // When
            var merged = ConfigMerger.Merge(parent, child);

            // Then
            merged.Should().BeEquivalentTo(JObject.Parse("""{"dumpPath":"./b","debug":true,"maxPushRetries":5}"""));
        }

        [Fact]
        public void Should_replace_the_value_When_the_kinds_differ()
        {
            // Given
            var parent = JObject.Parse("""{"preserveIds":["roles"]}""");
            var child = JObject.Parse("""{"preserveIds":"all"}""");

            // When
            var merged = ConfigMerger.Merge(parent, child);

            // Then
            merged["preserveIds"]!.Value<string>().Should().Be("all");
        }

        [Fact]
        public void Should_merge_key_by_key_When_both_layers_have_an_object()
        {
            // Given
            var parent = JObject.Parse("""{"hooks":{"roles":{"onSave":1},"snapshot":{"onLoad":2}}}""");
            var child = JObject.Parse("""{"hooks":{"roles":{"onLoad":3}}}""");

            // When
            var merged = ConfigMerger.Merge(parent, child);

            // Then
            merged.Should().BeEquivalentTo(JObject.Parse("""{"hooks":{"roles":{"onSave":1,"onLoad":3},"snapshot":{"onLoad":2}}}"""));
        }

        [Fact]
        public void Should_not_modify_the_inputs_When_merging()
        {
            // Given
            var parent = JObject.Parse("""{"a":{"b":[1]}}""");
            var child = JObject.Parse("""{"a":{"b":[2]}}""");

            // When
            ConfigMerger.Merge(parent, child);

            // Then
            parent.ToString().Should().Be(JObject.Parse("""{"a":{"b":[1]}}""").ToString());
            child.ToString().Should().Be(JObject.Parse("""{"a":{"b":[2]}}""").ToString());
        }
    }
}
