using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Scripting;
using DirectusSync.Cli.Tests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Tests.Configuration;

public sealed class ConfigFileLoaderTests
{
    public sealed class TheLoad : IDisposable
    {
        private readonly TempFolder _folder = new();
        private readonly RecordingLog _log = new();

        [Fact]
        public void Should_log_every_tried_path_When_no_config_file_exists()
        {
            // Given
            var loader = Loader();

            // When
            var loaded = loader.Load(null);

            // Then
            loaded.Should().BeNull();
            _log.Messages.Should().ContainSingle(m => m.StartsWith("No config file found. Tried path: \n- ", StringComparison.Ordinal)
                && m.Contains("directus-sync.config.js") && m.Contains("directus-sync.config.cjs") && m.Contains("directus-sync.config.json"));
        }

        [Fact]
        public void Should_prefer_js_then_cjs_then_json_When_several_exist()
        {
            // Given
            _folder.Write("directus-sync.config.json", """{"dumpPath":"./json"}""");
            _folder.Write("directus-sync.config.cjs", "module.exports = { dumpPath: './cjs' };");
            var loader = Loader();

            // When
            var loaded = loader.Load(null)!;

            // Then
            loaded.Values["dumpPath"]!.Value<string>().Should().Be("./cjs");
            _log.Messages.Should().Contain($"Loaded config file from {Path.Combine(_folder.Path, "directus-sync.config.cjs")}");
        }

        [Fact]
        public void Should_load_the_given_file_When_config_path_is_set()
        {
            // Given
            _folder.Write("directus-sync.config.json", """{"dumpPath":"./default"}""");
            _folder.Write("configs/ci.json", """{"dumpPath":"./ci"}""");
            var loader = Loader();

            // When
            var loaded = loader.Load("configs/ci.json")!;

            // Then
            loaded.Values["dumpPath"]!.Value<string>().Should().Be("./ci");
            loaded.Scripts.Should().BeNull("no JavaScript engine is started for a JSON config");
        }

        [Fact]
        public void Should_fail_naming_the_path_When_config_path_does_not_exist()
        {
            // Given
            var loader = Loader();

            // When
            var act = () => loader.Load("missing.json");

            // Then
            act.Should().Throw<ConfigFileException>().Which.Message.Should().Contain("missing.json").And.Contain("--config-path");
        }

        [Fact]
        public void Should_merge_parents_under_the_child_When_the_file_extends_others()
        {
            // Given
            _folder.Write("base/common.json", """{"dumpPath":"./common","excludeCollections":["presets"],"split":false,"extends":["./root.json"]}""");
            _folder.Write("base/root.json", """{"dumpPath":"./root","sortJson":true}""");
            _folder.Write("other.cjs", "module.exports = { dumpPath: './other', snapshotPath: 'other-snapshot' };");
            _folder.Write("directus-sync.config.js", """
                module.exports = {
                  extends: ['./base/common.json', './other.cjs', './missing.json'],
                  excludeCollections: ['roles'],
                };
                """);
            var loader = Loader();

            // When
            var loaded = loader.Load(null)!;

            // Then
            loaded.Values.Should().BeEquivalentTo(JObject.Parse("""
                {"dumpPath":"./common","excludeCollections":["presets","roles"],"split":false,"sortJson":true,"snapshotPath":"other-snapshot"}
                """));
            _log.Messages.Should().Contain(m => m.Contains("missing.json") && m.Contains("skipped"));
        }

        [Fact]
        public void Should_load_each_file_once_When_extends_forms_a_loop()
        {
            // Given
            _folder.Write("a.json", """{"extends":["./b.json"],"dumpPath":"./a"}""");
            _folder.Write("b.json", """{"extends":["./a.json"],"dumpPath":"./b","split":false}""");
            var loader = Loader();

            // When
            var loaded = loader.Load("a.json")!;

            // Then
            loaded.Values.Should().BeEquivalentTo(JObject.Parse("""{"dumpPath":"./a","split":false}"""));
        }

        [Fact]
        public void Should_name_the_file_When_json_is_malformed()
        {
            // Given
            var path = _folder.Write("directus-sync.config.json", """{"dumpPath": """);
            var loader = Loader();

            // When
            var act = () => loader.Load(null);

            // Then
            act.Should().Throw<ConfigFileException>().Which.Message.Should().StartWith($"{path}: is not valid JSON");
        }

        [Fact]
        public void Should_keep_hooks_as_function_markers_When_a_js_file_defines_them()
        {
            // Given
            _folder.Write("directus-sync.config.js", """
                module.exports = { hooks: { roles: { onSave: (roles) => roles }, snapshot: { onLoad: async (s) => s } } };
                """);
            var loader = Loader();

            // When
            var loaded = loader.Load(null)!;

            // Then
            loaded.Scripts.Should().NotBeNull();
            HookReference.TryGetId(loaded.Values.SelectToken("hooks.roles.onSave"), out _).Should().BeTrue();
            HookReference.TryGetId(loaded.Values.SelectToken("hooks.snapshot.onLoad"), out _).Should().BeTrue();
        }

        [Fact]
        public void Should_read_process_env_When_a_js_file_uses_it()
        {
            // Given
            _folder.Write("directus-sync.config.js", "module.exports = { directusUrl: process.env.MY_URL, dumpPath: __dirname + '/dump' };");
            var loader = new ConfigFileLoader(TestEnvironment.In(_folder.Path, ("MY_URL", "http://from-env")), _log, CancellationToken.None);

            // When
            var loaded = loader.Load(null)!;

            // Then
            loaded.Values["directusUrl"]!.Value<string>().Should().Be("http://from-env");
            loaded.Values["dumpPath"]!.Value<string>().Should().Be(_folder.Path + "/dump");
        }

        [Theory]
        [InlineData("const sdk = require('@directus/sdk');\nmodule.exports = {};", "require('@directus/sdk') is not available")]
        [InlineData("module.exports = {", "cannot be loaded: SyntaxError")]
        [InlineData("module.exports = 42;", "module.exports must be an object")]
        [InlineData("export default {};", "cannot be loaded")]
        public void Should_name_the_file_When_a_js_config_cannot_be_used(string source, string expected)
        {
            // Given
            var path = _folder.Write("directus-sync.config.js", source);
            var loader = Loader();

            // When
            var act = () => loader.Load(null);

            // Then
            act.Should().Throw<ConfigFileException>().Which.Message.Should().StartWith(path).And.Contain(expected);
        }

        [Fact]
        public void Should_refuse_When_the_extension_is_not_supported()
        {
            // Given
            _folder.Write("c.mjs", "export default {};");
            var loader = Loader();

            // When
            var act = () => loader.Load("c.mjs");

            // Then
            act.Should().Throw<ConfigFileException>().Which.Message.Should().Contain("'.mjs' config files are not supported");
        }

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void Should_refuse_a_javascript_config_naming_it_When_javascript_configs_are_disabled()
        {
            // Given an untrusted checkout's JS config, reached through a JSON config's extends
            _folder.Write("directus-sync.config.json", """{"dumpPath":"./json","extends":["./hooks.cjs"]}""");
            _folder.Write("hooks.cjs", "console.log(process.env.DIRECTUS_TOKEN); module.exports = {};");
            var loader = new ConfigFileLoader(
                TestEnvironment.In(_folder.Path, (ConfigFileLoader.NoJsConfigVariable, "1"), ("DIRECTUS_TOKEN", "secret-token-value")),
                _log, CancellationToken.None);

            // When
            var act = () => loader.Load(null);

            // Then nothing of the file ran
            act.Should().Throw<ConfigFileException>().Which.Message.Should().Contain("hooks.cjs").And.Contain(ConfigFileLoader.NoJsConfigVariable);
            _log.Messages.Should().NotContain(m => m.Contains("secret-token-value"));
        }

        [Fact]
        public void Should_still_read_a_json_config_When_javascript_configs_are_disabled()
        {
            // Given
            _folder.Write("directus-sync.config.json", """{"dumpPath":"./json"}""");
            var loader = new ConfigFileLoader(TestEnvironment.In(_folder.Path, (ConfigFileLoader.NoJsConfigVariable, "true")), _log, CancellationToken.None);

            // When
            var loaded = loader.Load(null)!;

            // Then
            loaded.Values["dumpPath"]!.Value<string>().Should().Be("./json");
        }

        private ConfigFileLoader Loader() => new(TestEnvironment.In(_folder.Path), _log, CancellationToken.None);
    }
}
