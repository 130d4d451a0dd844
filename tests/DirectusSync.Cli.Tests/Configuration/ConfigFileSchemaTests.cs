using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Scripting;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Tests.Configuration;

public sealed class ConfigFileSchemaTests
{
    public sealed class TheValidate
    {
        [Fact]
        public void Should_accept_every_reference_key_When_values_have_the_right_types()
        {
            // Given
            var config = JObject.Parse("""
                {"extends":["./base.json"],"debug":true,"directusUrl":"http://x","directusToken":"t","directusEmail":"e","directusPassword":"p",
                 "sortJson":true,"dumpPath":"./d","maxPushRetries":"5","collectionsPath":"c","excludeCollections":["roles"],"onlyCollections":["flows"],
                 "collections":true,"syncPolicyRoles":false,"preserveIds":"*","snapshotPath":"s","snapshot":false,"split":true,"specsPath":"p","specs":true,
                 "seedPath":["./a","./b"]}
                """);

            // When
            var warnings = ConfigFileSchema.Validate(config, "c.json");

            // Then
            warnings.Should().BeEmpty();
        }

        [Theory]
        [InlineData("""{"dumpPath":5}""", "c.json: dumpPath must be a string")]
        [InlineData("""{"split":"no"}""", "c.json: split must be true or false")]
        [InlineData("""{"maxPushRetries":-1}""", "c.json: maxPushRetries must be a whole number")]
        [InlineData("""{"onlyCollections":["rolez"]}""", "c.json: onlyCollections 'rolez' is not valid here")]
        [InlineData("""{"excludeCollections":"roles"}""", "c.json: excludeCollections must be a list of collection names")]
        [InlineData("""{"preserveIds":["flows"]}""", "c.json: preserveIds 'flows' is not valid here")]
        [InlineData("""{"hooks":{"roles":{"onSave":"x"}}}""", "c.json: hooks.roles.onSave must be a function")]
        [InlineData("""{"idMaps":"none"}""", "c.json: idMaps must be one of extension, derived, auto")]
        public void Should_name_the_file_and_key_When_a_value_is_wrong(string json, string expected)
        {
            // Given
            var config = JObject.Parse(json);

            // When
            var act = () => ConfigFileSchema.Validate(config, "c.json");

            // Then
            act.Should().Throw<ConfigFileException>().Which.Message.Should().StartWith(expected);
        }

        [Fact]
        public void Should_warn_and_ignore_When_keys_are_unknown_or_command_line_only()
        {
            // Given
            var config = JObject.Parse("""{"dumpPth":"x","force":true,"directusConfig":{},"hooks":{"collections":{"operations":{}},"roles":{"onSaved":null}}}""");

            // When
            var warnings = ConfigFileSchema.Validate(config, "c.json");

            // Then
            warnings.Should().HaveCount(5);
            warnings.Should().Contain(w => w.Contains("unknown key 'dumpPth'"));
            warnings.Should().Contain(w => w.Contains("force is a command-line option only"));
            warnings.Should().Contain(w => w.Contains("directusConfig"));
            warnings.Should().Contain(w => w.Contains("hooks.collections is not a tracked collection"));
            warnings.Should().Contain(w => w.Contains("hooks.roles.onSaved is not a hook"));
        }

        [Fact]
        public void Should_accept_a_function_When_a_hook_is_a_marker()
        {
            // Given
            var config = new JObject { ["hooks"] = new JObject { ["snapshot"] = new JObject { ["onLoad"] = HookReference.Create(0) } } };

            // When
            var warnings = ConfigFileSchema.Validate(config, "c.js");

            // Then
            warnings.Should().BeEmpty();
        }
    }
}
