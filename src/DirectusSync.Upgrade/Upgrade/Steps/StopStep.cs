using DirectusSync.Upgrade.Providers;

namespace DirectusSync.Upgrade.Upgrade.Steps;

/// <summary>
/// Stops Directus through the provider and waits until the server no longer answers. The last gate before anything
/// is stopped (also when the steps run one Cake task at a time): no stop without a proven database copy, unless the
/// user accepted that risk. From here on a failure rolls back.
/// </summary>
/// <param name="options">The upgrade's options.</param>
/// <param name="provider">The installation.</param>
/// <param name="server">The Directus server.</param>
public sealed class StopStep(UpgradeOptions options, IDirectusProvider provider, IUpgradeServer server) : IStep
{
    /// <inheritdoc />
    public UpgradeStep Step => UpgradeStep.Stop;

    /// <inheritdoc />
    public async Task<string> RunAsync(UpgradeRun run, StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(record);
        var current = run.RequireCurrentVersion();
        run.RequireBackup();
        if (!run.DatabaseCopyProven && !options.AcceptNoDatabaseBackup)
        {
            throw new UpgradeRefusedException(UpgradeStep.Stop, "No database copy was restored and compared: Directus is not stopped.");
        }

        run.Stopped = true;
        await provider.StopAsync(cancellationToken).ConfigureAwait(false);
        if (!await server.WaitStoppedAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Directus at {options.Connection.Url} still answers {DirectusUpgradeServer.StopTimeout.TotalSeconds:0} s after the stop: is it the one {provider.Description} runs?");
        }

        record.Note($"{provider.Description}: stopped; {options.Connection.Url} no longer answers");
        return $"Directus {current} stopped";
    }
}
