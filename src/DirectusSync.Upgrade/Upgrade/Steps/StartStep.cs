using DirectusSync.Upgrade.Providers;

namespace DirectusSync.Upgrade.Upgrade.Steps;

/// <summary>Starts Directus through the provider, waits until it answers, and checks it answers as the target version.</summary>
/// <param name="options">The upgrade's options.</param>
/// <param name="provider">The installation.</param>
/// <param name="server">The Directus server.</param>
public sealed class StartStep(UpgradeOptions options, IDirectusProvider provider, IUpgradeServer server) : IStep
{
    /// <inheritdoc />
    public UpgradeStep Step => UpgradeStep.Start;

    /// <inheritdoc />
    public async Task<string> RunAsync(UpgradeRun run, StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(record);
        // A start runs the target's own migrations on some installations: the database counts as touched.
        run.DatabaseTouched = true;
        await provider.StartAsync(cancellationToken).ConfigureAwait(false);
        if (!await server.WaitAnswersAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Directus {options.TargetVersion} did not answer /server/ping at {options.Connection.Url} within {options.ReadyTimeout.TotalSeconds:0} s of its start.");
        }

        var info = await server.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        if (info.Version.CompareTo(options.TargetVersion) != 0)
        {
            throw new InvalidOperationException($"Directus at {options.Connection.Url} answers as {info.Version} after the start, not {options.TargetVersion}.");
        }

        record.Note($"{options.Connection.Url} answers as Directus {info.Version}");
        return $"Directus {info.Version} started";
    }
}
