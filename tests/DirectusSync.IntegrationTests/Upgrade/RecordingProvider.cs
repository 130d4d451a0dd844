using DirectusSync.Upgrade.Providers;
using DirectusSync.Core.Transport;

namespace DirectusSync.IntegrationTests.Upgrade;

/// <summary>A provider that only records what it was asked (for the gates, which must ask nothing that changes the installation).</summary>
public sealed class RecordingProvider : IDirectusProvider
{
    /// <summary>The calls, in order.</summary>
    public List<string> Calls { get; } = [];

    /// <inheritdoc />
    public string Description => "recording provider";

    /// <inheritdoc />
    public Task<string?> InstalledVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

    /// <inheritdoc />
    public Task SaveAsync(string directory, DirectusVersion running, CancellationToken cancellationToken = default) => Record("save");

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) => Record("stop");

    /// <inheritdoc />
    public Task BumpAsync(DirectusVersion target, CancellationToken cancellationToken = default) => Record("bump");

    /// <inheritdoc />
    public Task InstallAsync(CancellationToken cancellationToken = default) => Record("install");

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken = default) => Record("migrate");

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => Record("start");

    /// <inheritdoc />
    public Task RevertAsync(string directory, DirectusVersion previous, CancellationToken cancellationToken = default) => Record("revert");

    private Task Record(string call)
    {
        Calls.Add(call);
        return Task.CompletedTask;
    }
}
