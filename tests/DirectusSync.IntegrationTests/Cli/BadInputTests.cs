using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;

namespace DirectusSync.IntegrationTests.Cli;

/// <summary>Bad input stops with exit code 1, a message that names the culprit, and nothing written.</summary>
[Collection(DirectusCollection.Name)]
public sealed class BadInputTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_name_the_flag_and_the_name_When_only_collections_has_an_unknown_collection()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull", "--only-collections", "roles,directus_users");

        // Then
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("--only-collections: unknown collection(s) 'directus_users'").And.Contain("Valid names:");
        Directory.Exists(temp.Combine("directus-config")).Should().BeFalse();
    }

    [Fact]
    public async Task Should_name_the_file_and_write_nothing_When_a_collection_file_is_malformed()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        var roles = temp.Combine("directus-config", "collections", "roles.json");
        File.WriteAllText(roles, "[ { \"name\": \"broken\", ");
        var activity = await CliAssertions.CountActivityAsync(client);

        // When
        var result = await cli.RunAsync("push");

        // Then
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain(roles);
        (await CliAssertions.CountActivityAsync(client)).Should().Be(activity);
    }

    [Fact]
    public async Task Should_name_the_config_file_When_its_json_is_malformed()
    {
        // Given
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("directus-sync.config.json"), "{ \"dumpPath\": ");

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull");

        // Then
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain($"{temp.Combine("directus-sync.config.json")}: is not valid JSON");
        Directory.Exists(temp.Combine("directus-config")).Should().BeFalse();
    }

    [Fact]
    public async Task Should_name_the_credentials_and_write_nothing_When_the_token_is_wrong()
    {
        // Given
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path).With("DIRECTUS_TOKEN", "not-the-token");

        // When
        var result = await cli.RunAsync("pull");

        // Then
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("GET /server/info failed with HTTP 401").And.Contain("(from DIRECTUS_TOKEN)");
        result.StdErr.Should().NotContain("   at ", "no stack trace without --debug");
        Directory.Exists(temp.Combine("directus-config", "collections")).Should().BeFalse();
    }

    [Fact]
    public async Task Should_name_the_url_and_write_nothing_When_the_server_is_unreachable()
    {
        // Given
        using var temp = new TempFolder();
        var cli = new CliProcess(temp.Path).With("DIRECTUS_TOKEN", DirectusInstance.AdminToken);

        // When
        var result = await cli.RunAsync("pull", "--directus-url", "http://127.0.0.1:9");

        // Then
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("got no answer").And.Contain("Is Directus running at http://127.0.0.1:9? (URL from --directus-url)");
        Directory.Exists(temp.Combine("directus-config", "collections")).Should().BeFalse();
    }

    [Fact]
    public async Task Should_name_the_missing_setting_When_no_server_is_configured()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await new CliProcess(temp.Path).RunAsync("diff");

        // Then
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("Missing Directus URL: set --directus-url (-u), DIRECTUS_URL");
    }
}
