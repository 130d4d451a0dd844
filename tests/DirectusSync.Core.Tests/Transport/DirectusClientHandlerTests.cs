using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Tests.Transport;

public sealed class DirectusClientHandlerTests
{
    [Fact]
    public async Task Should_leave_the_handler_usable_When_a_client_that_was_given_it_is_disposed()
    {
        // Given a handler shared by two clients (as the readiness probe's anonymous and authenticated ones)
        using var directus = new FakeDirectus();
        var first = Client(directus);
        using var second = Client(directus);
        await first.GetAsync("/server/info");

        // When
        first.Dispose();
        await second.GetAsync("/server/info");

        // Then
        directus.IsDisposed.Should().BeFalse("the caller owns the handler");
        directus.Requests.Should().Equal("GET /server/info", "GET /server/info");
    }

    private static DirectusClient Client(FakeDirectus directus) => new(new DirectusClientOptions
    {
        BaseUrl = new Uri("http://127.0.0.1:8055"),
        Credentials = DirectusCredentials.FromToken("token"),
        Handler = directus,
    });
}
