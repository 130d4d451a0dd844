using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;

namespace DirectusSync.IntegrationTests.Cli;

/// <summary>No token or password ever reaches stdout or stderr, with --debug too, on success and on failure.</summary>
[Collection(DirectusCollection.Name)]
public sealed class SecretTests(DirectusFixture fixture)
{
    private const string WrongToken = "wrong-token-4f1c9a7e";
    private const string WrongPassword = "wrong-password-83b2d6";

    private string Url => fixture.Instance.Url.ToString().TrimEnd('/');

    [Fact]
    public async Task Should_not_print_the_token_When_commands_run_with_debug_and_a_flag_token()
    {
        // Given
        using var temp = new TempFolder();
        var cli = new CliProcess(temp.Path);
        string[] server = ["--debug", "-u", Url, "-t", DirectusInstance.AdminToken];

        // When
        CliResult[] results =
        [
            await cli.RunAsync(["pull", .. server]),
            await cli.RunAsync(["diff", "--format", "json", .. server]),
            await cli.RunAsync(["push", "--dry-run", .. server]),
            await cli.RunAsync(["--version", .. server]),
            await cli.RunAsync(["helpers", "wait-server-ready", .. server]),
        ];

        // Then
        foreach (var result in results)
        {
            result.ExitCode.Should().Be(0, result.ToString());
            result.AllOutput.Should().NotContain(DirectusInstance.AdminToken);
        }
    }

    [Fact]
    public async Task Should_not_print_the_password_When_logging_in_with_debug()
    {
        // Given
        using var temp = new TempFolder();
        var cli = new CliProcess(temp.Path)
            .With("DIRECTUS_URL", Url)
            .With("DIRECTUS_ADMIN_EMAIL", DirectusInstance.AdminEmail)
            .With("DIRECTUS_ADMIN_PASSWORD", DirectusInstance.AdminPassword);

        // When
        var pull = await cli.RunAsync("pull", "-d");
        var diff = await cli.RunAsync("diff", "-d", "-p", DirectusInstance.AdminPassword);

        // Then
        pull.ExitCode.Should().Be(0, pull.ToString());
        diff.ExitCode.Should().Be(0, diff.ToString());
        pull.AllOutput.Should().NotContain(DirectusInstance.AdminPassword).And.Contain("login admin@example.com / ***");
        diff.AllOutput.Should().NotContain(DirectusInstance.AdminPassword);
    }

    [Fact]
    public async Task Should_not_print_wrong_secrets_When_authentication_fails_with_debug()
    {
        // Given
        using var temp = new TempFolder();
        var cli = new CliProcess(temp.Path).With("DIRECTUS_URL", Url);

        // When
        var badToken = await cli.RunAsync("pull", "--debug", "-t", WrongToken);
        var badPassword = await cli.RunAsync("pull", "--debug", "-e", DirectusInstance.AdminEmail, "-p", WrongPassword);
        var unreachable = await cli.RunAsync("pull", "--debug", "-u", "http://127.0.0.1:9", "-t", WrongToken);

        // Then
        foreach (var result in new[] { badToken, badPassword, unreachable })
        {
            result.ExitCode.Should().Be(1, result.ToString());
            result.AllOutput.Should().NotContain(WrongToken).And.NotContain(WrongPassword);
        }

        badToken.StdErr.Should().Contain("HTTP 401");
        badPassword.StdErr.Should().Contain("could not log in");
    }

    [Fact]
    public async Task Should_not_print_secrets_from_files_When_the_config_and_dot_env_hold_them()
    {
        // Given
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine(".env"), $"DIRECTUS_ADMIN_PASSWORD={WrongPassword}\n");
        File.WriteAllText(temp.Combine("directus-sync.config.json"), $$"""{ "directusUrl": "{{Url}}", "directusToken": "{{DirectusInstance.AdminToken}}" }""");
        var cli = new CliProcess(temp.Path);

        // When
        var pull = await cli.RunAsync("pull", "--debug");
        var usage = await cli.RunAsync("pull", "--debug", "--bogus", DirectusInstance.AdminToken, WrongPassword);

        // Then
        pull.ExitCode.Should().Be(0, pull.ToString());
        usage.ExitCode.Should().Be(1);
        foreach (var result in new[] { pull, usage })
        {
            result.AllOutput.Should().NotContain(DirectusInstance.AdminToken).And.NotContain(WrongPassword);
        }
    }
}
