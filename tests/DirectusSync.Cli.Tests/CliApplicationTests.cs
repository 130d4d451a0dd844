using DirectusSync.Cli.Output;
using DirectusSync.Cli.Tests.Support;

namespace DirectusSync.Cli.Tests;

public sealed class CliApplicationTests
{
    public sealed class TheRunAsync : IDisposable
    {
        private readonly TempFolder _folder = new();
        private readonly StringWriter _stdout = new();
        private readonly StringWriter _stderr = new();

        [Fact]
        public async Task Should_print_the_version_and_matrix_on_stdout_When_no_server_is_configured()
        {
            // When
            var code = await Run("--version");

            // Then
            code.Should().Be(ExitCodes.Success);
            _stdout.ToString().Should().Be($"{Commands.ToolVersion.Current}\nSupported Directus versions: {Core.Transport.SupportedDirectusVersions.Description}\n".Replace("\n", Environment.NewLine));
            _stderr.ToString().Should().BeEmpty();
        }

        [Fact]
        public async Task Should_document_the_exit_codes_When_help_is_asked()
        {
            // When
            var code = await Run("--help");

            // Then
            code.Should().Be(ExitCodes.Success);
            _stdout.ToString().Should().Contain("Usage:\n  directus-sync [command] [options]".Replace("\n", Environment.NewLine))
                .And.Contain("Exit codes:").And.Contain("2   Drift");
        }

        [Theory]
        [InlineData("pull", "--bogus")]
        [InlineData("push", "--mode", "sideways")]
        [InlineData("helpers", "untrack", "--id", "1")]
        [InlineData("helpers", "remove-permission-duplicates", "--keep", "middle")]
        [InlineData("diff", "--max-push-retries", "3")]
        [InlineData("pull", "--force")]
        public async Task Should_fail_with_exit_code_1_When_the_command_line_is_invalid(params string[] args)
        {
            // When
            var code = await Run(args);

            // Then
            code.Should().Be(ExitCodes.Error);
            _stderr.ToString().Should().Contain("error:").And.Contain("--help' for usage");
        }

        [Fact]
        public async Task Should_mask_the_token_When_a_usage_error_echoes_it()
        {
            // When
            var code = await Run("pull", "-t", "secret-token-value", "secret-token-value");

            // Then
            code.Should().Be(ExitCodes.Error);
            (_stdout.ToString() + _stderr.ToString()).Should().NotContain("secret-token-value");
        }

        [Fact]
        public async Task Should_mask_the_config_file_token_When_a_usage_error_echoes_it()
        {
            // Given
            _folder.Write("directus-sync.config.js", "module.exports = { directusToken: 'file-token-value' };");

            // When
            var code = await Run("diff", "file-token-value");

            // Then
            code.Should().Be(ExitCodes.Error);
            _stderr.ToString().Should().Contain("'***'").And.NotContain("file-token-value");
        }

        [Fact]
        public async Task Should_name_the_missing_seed_folder_before_contacting_the_server_When_seed_push_is_run()
        {
            // When
            var code = await Run("seed", "push", "--seed-path", "./seed", "--directus-url", "http://127.0.0.1:9", "--directus-token", "unused-token");

            // Then
            code.Should().Be(ExitCodes.Error);
            _stderr.ToString().Should().Contain(Path.Combine(_folder.Path, "seed")).And.Contain("no such seed file or folder");
        }

        [Theory]
        [InlineData("push")]
        [InlineData("diff")]
        public async Task Should_refuse_an_unknown_mode_before_contacting_the_server_When_a_seed_command_is_given_id_maps(string command)
        {
            // When
            var code = await Run("seed", command, "--id-maps", "sideways", "--directus-url", "http://127.0.0.1:9", "--directus-token", "unused-token");

            // Then the seed commands take --id-maps as pull, diff and push do
            code.Should().Be(ExitCodes.Error);
            _stderr.ToString().Should().Contain("sideways").And.Contain("derived");
        }

        [Fact]
        public async Task Should_name_the_missing_option_When_no_url_is_configured()
        {
            // When
            var code = await Run("diff");

            // Then
            code.Should().Be(ExitCodes.Error);
            _stderr.ToString().Should().Contain("Missing Directus URL").And.Contain("--directus-url").And.Contain("DIRECTUS_URL");
        }

        [Fact]
        public async Task Should_reject_an_unknown_collection_before_contacting_anything_When_only_collections_is_wrong()
        {
            // When
            var code = await Run("pull", "-u", "http://127.0.0.1:1", "-t", "token", "--only-collections", "roles,rolez");

            // Then
            code.Should().Be(ExitCodes.Error);
            _stderr.ToString().Should().Contain("--only-collections: unknown collection(s) 'rolez'").And.NotContain("Connection refused");
            Directory.Exists(Path.Combine(_folder.Path, "directus-config")).Should().BeFalse();
        }

        public void Dispose() => _folder.Dispose();

        private Task<int> Run(params string[] args) =>
            new CliApplication(TestEnvironment.In(_folder.Path), new ConsoleOutput(_stdout, _stderr, colors: false, interactive: false))
                .RunAsync(args, CancellationToken.None);
    }
}
