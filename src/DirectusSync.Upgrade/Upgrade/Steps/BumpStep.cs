using DirectusSync.Upgrade.Providers;

namespace DirectusSync.Upgrade.Upgrade.Steps;

/// <summary>Points the installation at the target version (package.json, the compose file's image, a command).</summary>
/// <param name="options">The upgrade's options.</param>
/// <param name="provider">The installation.</param>
public sealed class BumpStep(UpgradeOptions options, IDirectusProvider provider) : IStep
{
    /// <inheritdoc />
    public UpgradeStep Step => UpgradeStep.Bump;

    /// <inheritdoc />
    public async Task<string> RunAsync(UpgradeRun run, StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(record);
        run.Bumped = true;
        await provider.BumpAsync(options.TargetVersion, cancellationToken).ConfigureAwait(false);
        record.Note($"{provider.Description}: now points at Directus {options.TargetVersion}");
        return $"→ {options.TargetVersion}";
    }
}
