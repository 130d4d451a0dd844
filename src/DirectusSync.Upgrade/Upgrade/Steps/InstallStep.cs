using DirectusSync.Upgrade.Providers;

namespace DirectusSync.Upgrade.Upgrade.Steps;

/// <summary>Installs the target version through the provider.</summary>
/// <param name="options">The upgrade's options.</param>
/// <param name="provider">The installation.</param>
public sealed class InstallStep(UpgradeOptions options, IDirectusProvider provider) : IStep
{
    /// <inheritdoc />
    public UpgradeStep Step => UpgradeStep.Install;

    /// <inheritdoc />
    public async Task<string> RunAsync(UpgradeRun run, StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        // What runs after the start is checked there; an installed version read now could be the running one's.
        await provider.InstallAsync(cancellationToken).ConfigureAwait(false);
        record.Note($"{provider.Description}: Directus {options.TargetVersion} installed");
        return $"Directus {options.TargetVersion} installed";
    }
}
