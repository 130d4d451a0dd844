using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using Xunit.Abstractions;

namespace DirectusSync.IntegrationTests.Transport;

[Collection(DirectusCollection.Name)]
public sealed class DirectusServerTests(DirectusFixture fixture, ITestOutputHelper output)
{

    [Fact]
    public async Task Should_report_the_sandbox_version_When_authenticated_with_the_static_token()
    {
        // Given
        using var client = fixture.Instance.CreateClient();

        // When
        var info = await new DirectusServer(client).EnsureSupportedAsync();

        // Then
        output.WriteLine($"Directus {info.Version} at {fixture.Instance.Url} ({fixture.Instance.Database}), project '{info.ProjectName}'");
        info.Version.ToString().Should().Be("11.17.4");
        SupportedDirectusVersions.IsSupported(info.Version).Should().BeTrue();
    }

    [Fact]
    public async Task Should_log_in_with_email_and_password_When_no_token_is_given()
    {
        // Given
        using var client = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = fixture.Instance.Url,
            Credentials = DirectusCredentials.FromLogin(DirectusInstance.AdminEmail, DirectusInstance.AdminPassword),
        });

        // When
        var info = await new DirectusServer(client).GetInfoAsync();

        // Then
        info.Version.Major.Should().Be(11);
    }

    [Fact]
    public async Task Should_fail_without_the_token_in_the_message_When_the_token_is_wrong()
    {
        // Given
        const string wrongToken = "wrong-token-that-must-not-leak";
        using var client = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = fixture.Instance.Url,
            Credentials = DirectusCredentials.FromToken(wrongToken),
        });

        // When
        var act = () => new DirectusServer(client).GetInfoAsync();

        // Then
        var error = (await act.Should().ThrowAsync<DirectusApiException>()).Which;
        error.StatusCode.Should().Be(401);
        error.ToString().Should().NotContain(wrongToken);
    }

    [Fact]
    public async Task Should_answer_pong_When_pinged_anonymously()
    {
        // Given
        using var client = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = fixture.Instance.Url,
            Credentials = DirectusCredentials.FromToken("anonymous"),
        });

        // When
        var pong = await new DirectusServer(client).PingAsync();

        // Then
        pong.Should().BeTrue();
    }
}
