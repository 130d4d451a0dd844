using DirectusSync.Core.Transport;
using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Licensing;

namespace DirectusSync.Upgrade.Upgrade.Steps;

/// <summary>
/// The target is newer and inside the supported matrix; the licence gate (Directus 12 without a licence loses what
/// the Core limits do not allow); for a major upgrade, the guide's pull of the collections without the snapshot.
/// </summary>
/// <param name="options">The upgrade's options.</param>
/// <param name="server">The Directus server.</param>
public sealed class VersionCheckStep(UpgradeOptions options, IUpgradeServer server) : IStep
{
    private readonly RepositoryDump _dump = new(options);

    /// <inheritdoc />
    public UpgradeStep Step => UpgradeStep.VersionCheck;

    /// <inheritdoc />
    public async Task<string> RunAsync(UpgradeRun run, StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(record);
        var current = run.RequireCurrentVersion();
        var backup = run.RequireBackup();
        var target = options.TargetVersion;
        if (target.CompareTo(current) <= 0)
        {
            throw new UpgradeRefusedException(UpgradeStep.VersionCheck,
                $"Directus {target} is not newer than the running {current}: nothing to upgrade (going back is a rollback: restore a backup).");
        }

        if (!SupportedDirectusVersions.IsSupported(target))
        {
            throw new UpgradeRefusedException(UpgradeStep.VersionCheck,
                $"Directus {target} is outside the versions this DirectusSync {ToolVersions.DirectusSync} supports ({SupportedDirectusVersions.Description}): update DirectusSync first.");
        }

        record.Note($"{current} → {target}: inside the supported matrix ({SupportedDirectusVersions.Description})");
        var licence = await CheckLicenceAsync(run, record, current, target, backup, cancellationToken).ConfigureAwait(false);
        var major = run.IsMajorUpgradeTo(target);
        if (major)
        {
            // The guide's major-version steps: collections pulled without the snapshot before (the schema
            // snapshot of the old major is kept as it is), a full pull after, roles and permissions reviewed.
            // After the licence gate: a refused upgrade leaves the repository's dump alone.
            await server.PullAsync(options.Sync with { DumpPath = _dump.FullPath, Snapshot = false }, cancellationToken).ConfigureAwait(false);
            record.Note($"Major upgrade ({current.Major} → {target.Major}): pulled the collections without the snapshot into {_dump.FullPath}; a full pull and a review of roles, policies and permissions follow the upgrade");
        }

        return $"{current} → {target}{(major ? " (major)" : string.Empty)}{licence}";
    }

    /// <summary>The licence gate; returns what to add to the step's summary.</summary>
    private async Task<string> CheckLicenceAsync(UpgradeRun run, StepRecord record, DirectusVersion current, DirectusVersion target, BackupManifest backup, CancellationToken cancellationToken)
    {
        if (current.Major >= CoreLicenceLimits.FirstLicensedMajor || target.Major < CoreLicenceLimits.FirstLicensedMajor)
        {
            return string.Empty;
        }

        if (options.Licensed)
        {
            record.Note("Licence gate: a licence is configured, the Core limits do not apply");
            return ", licensed";
        }

        var seats = await server.ReadSeatHoldersAsync(cancellationToken).ConfigureAwait(false);
        var licence = LicenceGate.Assess(_dump.Layout(_dump.Baseline(run, backup)), options.Sync.Split, seats, options.Limits);
        run.Licence = licence;
        record.Note($"Licence gate: Directus {target} without a licence (\"Core\") allows {options.Limits.Collections} collections, {options.Limits.ActiveFlows} active flows, {options.Limits.Seats} seats and no custom permission rules; seats in use: {seats.Count}");

        if (licence.IsWithinLimits)
        {
            record.Note("Licence gate: the configuration is within the Core limits, nothing is lost");
            return ", within the Core licence limits";
        }

        foreach (var finding in licence.Findings)
        {
            record.Note(finding.Summary);
            foreach (var item in finding.Items)
            {
                record.Note("  " + item);
            }
        }

        if (!options.AcceptLicenceLoss)
        {
            throw new UpgradeRefusedException(UpgradeStep.VersionCheck,
                $"Directus {target} without a licence would lose configuration of this instance (nothing was stopped):\n{licence.Describe()}\n"
                + "Configure a licence (LICENSE_KEY or LICENSE_TOKEN in the Directus env file, or --directus-licensed), change the configuration to fit the Core limits, or accept the loss explicitly (--accept-licence-loss).");
        }

        record.Note("The loss is accepted (--accept-licence-loss): the upgrade goes on");
        return "; licence loss accepted";
    }
}
