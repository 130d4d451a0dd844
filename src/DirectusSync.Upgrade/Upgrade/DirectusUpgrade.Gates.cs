using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Licensing;
using DirectusSync.Upgrade.Reporting;
using DirectusSync.Upgrade.Versions;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>The steps that run while Directus still runs the old version: they check, copy and refuse; they never stop anything.</summary>
public sealed partial class DirectusUpgrade
{
    private async Task<string> PreflightAsync(StepRecord record, CancellationToken cancellationToken)
    {
        var url = _options.Connection.Url;
        if (!await ServerReadiness.PingAsync(_options.Connection, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Directus at {url} does not answer /server/ping: start it (or fix --directus-url) and run again.");
        }

        using var client = _options.Connection.CreateClient();
        var info = await new DirectusServer(client).EnsureSupportedAsync(cancellationToken).ConfigureAwait(false);
        // The running version reaches the rollback's commands ({previous}) and files: checked like any input.
        CurrentVersion = StrictVersion.Parse(info.Version.Text, $"the version Directus at {url} reports");
        record.Note($"Directus {info.Version} at {url}{(info.ProjectName is null ? string.Empty : $" (project \"{info.ProjectName}\")")}");
        record.Note($"Installation: {_provider.Description}");

        var installed = await _provider.InstalledVersionAsync(cancellationToken).ConfigureAwait(false);
        if (installed is not null && installed != info.Version.ToString())
        {
            throw new UpgradeRefusedException(UpgradeStep.Preflight,
                $"The installation ({_provider.Description}) holds Directus {installed}, but the server at {url} runs {info.Version}: they are not the same Directus. Check the provider settings.");
        }

        var dump = Path.GetFullPath(_options.DumpPath);
        if (!Directory.Exists(dump))
        {
            throw new UpgradeRefusedException(UpgradeStep.Preflight,
                $"The repository has no dump at {dump}: pull the instance into the repository first (directus-sync pull, DirectusSyncPull), commit it, and run again.");
        }

        var engine = new DirectusSyncEngine(client, _log);
        var options = _options.Sync with { DumpPath = dump };
        var diff = await engine.DiffAsync(options, cancellationToken).ConfigureAwait(false);
        if (!diff.Plan.HasDrift)
        {
            return $"Directus {info.Version}; the server matches the repository's dump {dump}";
        }

        var drift = PlanSummary.Of(diff.Plan).Lines(showValues: false);
        foreach (var line in drift)
        {
            record.Note(line);
        }

        if (!_options.PushPending)
        {
            throw new UpgradeRefusedException(UpgradeStep.Preflight,
                $"The server at {url} differs from the repository's dump {dump}; nothing was written. A push of the dump would do:\n{string.Join('\n', drift)}\n"
                + "Push the pending changes first (--push-pending), or pull the server's state into the repository and review it, then run again.");
        }

        // Nothing is pushed before the backup exists (the rollback restores it); the guard's verdict is known now,
        // so a push it would stop refuses the upgrade before anything is copied or stopped.
        var planned = await new PushWorkflow(engine, _log).RunAsync(PendingPush(options) with { DryRun = true }, cancellationToken).ConfigureAwait(false);
        if (planned.Verdict.IsRefused)
        {
            throw new UpgradeRefusedException(UpgradeStep.Preflight,
                $"The pending push of the repository's dump {dump} would delete without consent; nothing was written:\n{string.Join('\n', planned.Verdict.Describe().Select(l => "- " + l))}\n"
                + "Check the dump, or consent (--allow-schema-deletes for collections, fields and relations; --allow-deletes for items).");
        }

        _pendingPush = true;
        record.Note("The pending changes are pushed right after the backup (--push-pending)");
        return $"Directus {info.Version}; the repository's dump has pending changes ({drift.Count(l => !l.StartsWith(' '))} part(s)), pushed after the backup";
    }

    /// <summary>Pushes the repository's pending changes (after the backup), through the workflow and its guard; checks the diff is clean.</summary>
    private async Task PushPendingAsync(StepRecord record, CancellationToken cancellationToken)
    {
        using var client = _options.Connection.CreateClient();
        var engine = new DirectusSyncEngine(client, _log);
        var options = _options.Sync with { DumpPath = Path.GetFullPath(_options.DumpPath) };
        await new PushWorkflow(engine, _log).RunAsync(PendingPush(options), cancellationToken).ConfigureAwait(false);
        var after = await engine.DiffAsync(options, cancellationToken).ConfigureAwait(false);
        if (after.Plan.HasDrift)
        {
            throw new InvalidOperationException($"After pushing the pending changes the server still differs:\n{string.Join('\n', PlanSummary.Of(after.Plan).Lines(showValues: false))}");
        }

        _pendingPushed = true;
        record.Note($"Pending changes of the repository's dump {options.DumpPath} pushed after the backup; diff clean");
    }

    private PushRequest PendingPush(SyncOptions options) => new(options) { Consent = _options.PushConsent };

    private async Task<string> BackupAsync(StepRecord record, CancellationToken cancellationToken)
    {
        var current = CurrentVersion ?? throw new InvalidOperationException("The preflight did not run.");
        RefuseWithoutDatabaseCopy(record);
        BackupManifest backup;
        try
        {
            backup = await _backups.CreateAsync(_options.BackupRoot, _options.Database, cancellationToken).ConfigureAwait(false);
        }
        catch (DatabaseBackupException e)
        {
            throw new UpgradeRefusedException(UpgradeStep.Backup, $"The database copy failed; nothing was stopped: {e.Message}");
        }

        Backup = backup;
        record.Note($"Folder: {backup.Directory} (a dump: `directus-sync push --dump-path {backup.Directory}` restores the configuration)");
        record.Note($"Versions: Directus {backup.DirectusVersion}, DirectusSync {backup.DirectusSyncVersion} (backup.json, VERSION)");
        await _provider.SaveAsync(ProviderBackupDirectory(backup), current, cancellationToken).ConfigureAwait(false);
        record.Note($"Installation files kept for the rollback in {ProviderBackupDirectory(backup)}");
        if (backup.DatabaseFile is not null)
        {
            record.Note($"Database: {backup.Database} → {backup.DatabaseFile} ({backup.DatabaseMethod})");
        }

        IReadOnlyList<string> checks;
        try
        {
            checks = await _backups.VerifyAsync(backup, _options.Database, cancellationToken).ConfigureAwait(false);
        }
        catch (BackupVerificationException e)
        {
            throw new UpgradeRefusedException(UpgradeStep.Backup, $"The backup {backup.Directory} did not prove itself; nothing was stopped: {e.Message}");
        }

        foreach (var check in checks)
        {
            record.Note($"Verified: {check}");
        }

        DatabaseCopyProven = backup.DatabaseFile is not null;
        if (_pendingPush)
        {
            // After the backup was made and proven: the pending changes are pushed onto a state that can come back.
            await PushPendingAsync(record, cancellationToken).ConfigureAwait(false);
        }

        return $"{backup.Directory}{(backup.DatabaseFile is null ? " (configuration only: NO DATABASE COPY, accepted)" : " (configuration and database, restored and compared)")}, verified";
    }

    /// <summary>
    /// No database copy, no stop: refuses (before anything is written) when the database is not configured
    /// or is one DirectusSync cannot copy, unless the user accepted that risk explicitly.
    /// </summary>
    private void RefuseWithoutDatabaseCopy(StepRecord record)
    {
        var why = _options.Database switch
        {
            null => "no database is configured (the Directus env file, --directus-env-file, says where it is)",
            UnsupportedDatabaseLocation unsupported => unsupported.Describe(),
            _ => null,
        };
        if (why is null)
        {
            return;
        }

        if (!_options.AcceptNoDatabaseBackup)
        {
            throw new UpgradeRefusedException(UpgradeStep.Backup,
                $"No database copy can be made: {why}. The upgrade migrates the database, and without a copy that was restored and compared a rollback cannot bring it back; nothing was stopped. "
                + "Point the upgrade at the Directus env file (--directus-env-file) of a SQLite or PostgreSQL Directus, or back the database up yourself and accept the risk explicitly (--accept-no-database-backup).");
        }

        var risk = $"⚠ RISK accepted (--accept-no-database-backup): no database copy ({why}); a rollback cannot restore the database";
        Risks.Add(risk);
        record.Note(risk);
    }

    private async Task<string> CheckVersionAsync(StepRecord record, CancellationToken cancellationToken)
    {
        var (current, backup) = Require();
        var target = _options.TargetVersion;
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
        var licence = await CheckLicenceAsync(record, current, target, backup, cancellationToken).ConfigureAwait(false);
        if (IsMajorUpgrade)
        {
            // The guide's major-version steps: collections pulled without the snapshot before (the schema
            // snapshot of the old major is kept as it is), a full pull after, roles and permissions reviewed.
            // After the licence gate: a refused upgrade leaves the repository's dump alone.
            using var client = _options.Connection.CreateClient();
            await new DirectusSyncEngine(client, _log)
                .PullAsync(_options.Sync with { DumpPath = Path.GetFullPath(_options.DumpPath), Snapshot = false }, cancellationToken)
                .ConfigureAwait(false);
            record.Note($"Major upgrade ({current.Major} → {target.Major}): pulled the collections without the snapshot into {Path.GetFullPath(_options.DumpPath)}; a full pull and a review of roles, policies and permissions follow the upgrade");
        }

        return $"{current} → {target}{(IsMajorUpgrade ? " (major)" : string.Empty)}{licence}";
    }

    /// <summary>The licence gate; returns what to add to the step's summary.</summary>
    private async Task<string> CheckLicenceAsync(StepRecord record, DirectusVersion current, DirectusVersion target, BackupManifest backup, CancellationToken cancellationToken)
    {
        if (current.Major >= CoreLicenceLimits.FirstLicensedMajor || target.Major < CoreLicenceLimits.FirstLicensedMajor)
        {
            return string.Empty;
        }

        if (_options.Licensed)
        {
            record.Note("Licence gate: a licence is configured, the Core limits do not apply");
            return ", licensed";
        }

        using (var client = _options.Connection.CreateClient())
        {
            var seats = await SeatHolders.ReadAsync(client, cancellationToken).ConfigureAwait(false);
            Licence = LicenceGate.Assess(Layout(Baseline(backup)), _options.Sync.Split, seats, _options.Limits);
            record.Note($"Licence gate: Directus {target} without a licence (\"Core\") allows {_options.Limits.Collections} collections, {_options.Limits.ActiveFlows} active flows, {_options.Limits.Seats} seats and no custom permission rules; seats in use: {seats.Count}");
        }

        if (Licence.IsWithinLimits)
        {
            record.Note("Licence gate: the configuration is within the Core limits, nothing is lost");
            return ", within the Core licence limits";
        }

        foreach (var finding in Licence.Findings)
        {
            record.Note(finding.Summary);
            foreach (var item in finding.Items)
            {
                record.Note("  " + item);
            }
        }

        if (!_options.AcceptLicenceLoss)
        {
            throw new UpgradeRefusedException(UpgradeStep.VersionCheck,
                $"Directus {target} without a licence would lose configuration of this instance (nothing was stopped):\n{Licence.Describe()}\n"
                + "Configure a licence (LICENSE_KEY or LICENSE_TOKEN in the Directus env file, or --directus-licensed), change the configuration to fit the Core limits, or accept the loss explicitly (--accept-licence-loss).");
        }

        record.Note("The loss is accepted (--accept-licence-loss): the upgrade goes on");
        return "; licence loss accepted";
    }

    private static string ProviderBackupDirectory(BackupManifest backup) => Path.Combine(backup.Directory, "provider");

    private static string BackupsDump(BackupManifest backup) => DirectusBackups.DumpOf(backup);

    /// <summary>
    /// The configuration the upgrade starts from: the backup's, or the repository's dump when its pending changes
    /// were pushed after the backup (the server then equals it).
    /// </summary>
    private string Baseline(BackupManifest backup) => _pendingPushed ? Path.GetFullPath(_options.DumpPath) : BackupsDump(backup);
}
