namespace DirectusSync.IntegrationTests.Sandbox;

/// <summary>
/// The one Directus 11.17.4 (SQLite, fresh database) shared by every integration test of a run.
/// Tests isolate themselves by their own data (unique names), never by restarting the server.
/// </summary>
public sealed class DirectusFixture : IAsyncLifetime
{
    private DirectusInstance? _instance;

    /// <summary>The running instance.</summary>
    public DirectusInstance Instance => _instance ?? throw new InvalidOperationException("the shared Directus is not started");

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        _instance = await DirectusInstance.StartAsync($"tests-{Environment.ProcessId}");

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_instance is not null)
        {
            await _instance.DisposeAsync();
        }
    }
}
