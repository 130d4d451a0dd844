using DirectusSync.Upgrade.Providers;

namespace DirectusSync.Upgrade.Upgrade.Steps;

/// <summary>Runs the target's database migrations (<c>directus database migrate:latest</c>) through the provider.</summary>
/// <param name="provider">The installation.</param>
public sealed class MigrateStep(IDirectusProvider provider) : IStep
{
    /// <inheritdoc />
    public UpgradeStep Step => UpgradeStep.Migrate;

    /// <inheritdoc />
    public async Task<string> RunAsync(UpgradeRun run, StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(record);
        run.DatabaseTouched = true;
        await provider.MigrateAsync(cancellationToken).ConfigureAwait(false);
        record.Note("database migrate:latest done");
        return "database migrated";
    }
}
