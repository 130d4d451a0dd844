using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;

namespace DirectusSync.IntegrationTests.Cli;

/// <summary>defaults &lt; config file &lt; environment (.env included) &lt; flags.</summary>
[Collection(DirectusCollection.Name)]
public sealed class PrecedenceTests(DirectusFixture fixture)
{
    private string Url => fixture.Instance.Url.ToString().TrimEnd('/');

    [Fact]
    public async Task Should_prefer_the_environment_When_the_config_file_names_another_server()
    {
        // Given
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("directus-sync.config.json"), """{ "directusUrl": "http://127.0.0.1:9", "directusToken": "file-token-wrong" }""");

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull", "-o", "roles");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Should_prefer_the_flag_When_the_environment_has_a_wrong_token()
    {
        // Given
        using var temp = new TempFolder();
        var cli = new CliProcess(temp.Path).With("DIRECTUS_URL", Url).With("DIRECTUS_TOKEN", "env-token-wrong");

        // When
        var result = await cli.RunAsync("pull", "-o", "roles", "-t", DirectusInstance.AdminToken);

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Should_use_the_flag_and_name_it_When_the_flag_has_a_wrong_token()
    {
        // Given
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);

        // When
        var result = await cli.RunAsync("pull", "-o", "roles", "--directus-token", "flag-token-wrong");

        // Then
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("HTTP 401").And.Contain("(from --directus-token)");
    }

    [Fact]
    public async Task Should_read_the_server_from_dot_env_When_the_process_environment_has_none()
    {
        // Given
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine(".env"), $"DIRECTUS_URL={Url}\nDIRECTUS_TOKEN=\"{DirectusInstance.AdminToken}\"\n");

        // When
        var result = await new CliProcess(temp.Path).RunAsync("pull", "-o", "roles");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Should_keep_the_process_variable_When_dot_env_sets_it_too()
    {
        // Given
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine(".env"), $"DIRECTUS_URL={Url}\nDIRECTUS_TOKEN=dotenv-token-wrong\n");
        var cli = new CliProcess(temp.Path).With("DIRECTUS_TOKEN", DirectusInstance.AdminToken);

        // When
        var result = await cli.RunAsync("pull", "-o", "roles");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Should_log_in_with_email_and_password_When_no_token_is_set()
    {
        // Given
        using var temp = new TempFolder();
        var cli = new CliProcess(temp.Path)
            .With("DIRECTUS_URL", Url)
            .With("DIRECTUS_ADMIN_EMAIL", DirectusInstance.AdminEmail)
            .With("DIRECTUS_ADMIN_PASSWORD", DirectusInstance.AdminPassword);

        // When
        var result = await cli.RunAsync("pull", "-o", "roles");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Should_prefer_the_flag_When_the_config_file_sets_the_dump_path()
    {
        // Given
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("directus-sync.config.json"), """{ "dumpPath": "./from-file" }""");

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull", "-o", "roles", "--dump-path", "./from-flag");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        Directory.Exists(temp.Combine("from-flag")).Should().BeTrue();
        Directory.Exists(temp.Combine("from-file")).Should().BeFalse();
    }

    [Fact]
    public async Task Should_add_to_the_file_list_When_a_flag_excludes_more_collections()
    {
        // Given: as the reference (deepmerge), -x adds to the file's excludeCollections.
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("directus-sync.config.json"), """{ "excludeCollections": ["presets"] }""");

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull", "--no-snapshot", "--exclude-collections=roles,", "policies");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        var files = Directory.GetFiles(temp.Combine("directus-config", "collections")).Select(Path.GetFileName).ToList();
        files.Should().HaveCount(8).And.NotContain(["presets.json", "roles.json", "policies.json"]);
    }
}
