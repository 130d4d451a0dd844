using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using Xunit.Abstractions;

namespace DirectusSync.IntegrationTests.Transport;

[Collection(DirectusCollection.Name)]
public sealed class IdMapClientTests(DirectusFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Should_find_the_extension_When_directus_extension_sync_is_installed()
    {
        // Given
        using var client = fixture.Instance.CreateClient();

        // When
        var act = () => new IdMapClient(client).EnsureInstalledAsync();

        // Then
        await act.Should().NotThrowAsync();
    }

    [Fact]
    public async Task Should_create_list_and_delete_a_map_When_using_the_extension_routes()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var idMaps = new IdMapClient(client);
        var table = $"test_{Guid.NewGuid():N}";

        // When
        var generated = await idMaps.CreateAsync(table, "41", null);
        var chosen = await idMaps.CreateAsync(table, "42", "my-sync-id");
        var listed = await idMaps.ListAsync(table);
        await idMaps.DeleteBySyncIdAsync(table, "my-sync-id");
        await idMaps.DeleteByLocalIdAsync(table, "41");
        var afterDelete = await idMaps.ListAsync(table);

        // Then
        output.WriteLine($"directus-extension-sync at {fixture.Instance.Url}directus-extension-sync/table/{table}: created, listed and deleted {listed.Count} id maps");
        Guid.TryParse(generated, out _).Should().BeTrue("the server draws a UUID when no sync id is given");
        chosen.Should().Be("my-sync-id");
        listed.Select(m => (m.SyncId, m.LocalId)).Should().BeEquivalentTo([(generated, "41"), ("my-sync-id", "42")]);
        afterDelete.Should().BeEmpty();
    }
}
