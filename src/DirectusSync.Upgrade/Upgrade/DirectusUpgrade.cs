using DirectusSync.Core.Logging;
using DirectusSync.Core.Transport;
using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Licensing;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Reporting;
using DirectusSync.Upgrade.Upgrade.Steps;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>
/// The upgrade of one Directus instance as ordered, gated steps (the guide "Directus Upgrades" made
/// executable): preflight → backup → version check → stop → bump → install → migrate → start →
/// post-upgrade. Each step needs the one before; a gate that says no stops the run before anything is
/// stopped; any failure after the stop rolls back (old version, database, backup pushed, diff clean).
/// A Markdown report is rewritten after every step. One Cake task calls one step method.
/// This class orchestrates: each step is its own <see cref="IStep"/>, they share one <see cref="UpgradeRun"/>,
/// and they reach Directus only through the <see cref="IUpgradeServer"/>.
/// </summary>
public sealed partial class DirectusUpgrade
{
    private readonly UpgradeOptions _options;
    private readonly IDirectusProvider _provider;
    private readonly ISyncLog _log;
    private readonly TimeProvider _time;
    private readonly IUpgradeServer _server;
    private readonly RepositoryDump _dump;
    private readonly IReadOnlyDictionary<UpgradeStep, IStep> _bodies;
    private readonly UpgradeRun _run = new();
    private readonly List<StepRecord> _steps = [];
    private readonly CancellationTokenSource _cancel = new();
    private readonly HashSet<UpgradeStep> _completed = [];

    /// <summary>Prepares an upgrade; nothing is contacted until the first step.</summary>
    public DirectusUpgrade(UpgradeOptions options, IDirectusProvider provider, ICommandRunner runner, ISyncLog? log = null, TimeProvider? time = null)
        : this(options, provider, runner, server: null, log, time)
    {
    }

    /// <summary>Prepares an upgrade that talks to Directus through <paramref name="server"/> (tests substitute it).</summary>
    public DirectusUpgrade(UpgradeOptions options, IDirectusProvider provider, ICommandRunner runner, IUpgradeServer? server, ISyncLog? log = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(runner);
        _options = options;
        _provider = provider;
        _log = log ?? NullSyncLog.Instance;
        _time = time ?? TimeProvider.System;
        _server = server ?? new DirectusUpgradeServer(options.Connection, new DirectusBackups(options.Connection, options.Sync, runner, _log, _time), runner, options.ReadyTimeout, _log, _time);
        _dump = new RepositoryDump(options);
        _bodies = new IStep[]
        {
            new PreflightStep(options, provider, _server),
            new BackupStep(options, provider, _server),
            new VersionCheckStep(options, _server),
            new StopStep(options, provider, _server),
            new BumpStep(options, provider),
            new InstallStep(options, provider),
            new MigrateStep(provider),
            new StartStep(options, provider, _server),
            new PostUpgradeStep(options, _server),
        }.ToDictionary(s => s.Step);
        _run.CheckpointRequested += (_, _) => WriteState(_steps[^1]);
    }

    /// <summary>The steps in the order they run.</summary>
    public static IReadOnlyList<UpgradeStep> Order { get; } =
    [
        UpgradeStep.Preflight, UpgradeStep.Backup, UpgradeStep.VersionCheck, UpgradeStep.Stop, UpgradeStep.Bump,
        UpgradeStep.Install, UpgradeStep.Migrate, UpgradeStep.Start, UpgradeStep.PostUpgrade,
    ];

    /// <summary>The options.</summary>
    public UpgradeOptions Options => _options;

    /// <summary>What is upgraded.</summary>
    public string ProviderDescription => _provider.Description;

    /// <summary>What the run has learnt and done so far (the flags upgrade-state.json records).</summary>
    public UpgradeRun Run => _run;

    /// <summary>The version found by the preflight.</summary>
    public DirectusVersion? CurrentVersion => _run.CurrentVersion;

    /// <summary>The backup made by the backup step.</summary>
    public BackupManifest? Backup => _run.Backup;

    /// <summary>The licence gate's verdict (null when not checked).</summary>
    public LicenceAssessment? Licence => _run.Licence;

    /// <summary>True when the target's major version is above the current one.</summary>
    public bool IsMajorUpgrade => _run.IsMajorUpgradeTo(_options.TargetVersion);

    /// <summary>True once the backup step made a database copy, restored it elsewhere and compared it with the live database.</summary>
    public bool DatabaseCopyProven => _run.DatabaseCopyProven;

    /// <summary>Risks the user accepted explicitly (e.g. no database copy), for the report and the CI summary.</summary>
    public IList<string> Risks => _run.Risks;

    /// <summary>The last rollback's actions (null when none ran).</summary>
    public RollbackResult? Rollback => _run.Rollback;

    /// <summary>The steps run so far (the rollback included), in order.</summary>
    public IReadOnlyList<StepRecord> Steps => _steps;

    /// <summary>True when every step succeeded.</summary>
    public bool IsUpgraded => _completed.Contains(UpgradeStep.PostUpgrade);

    /// <summary>Runs every step in order; throws at the first refusal or failure (after its rollback).</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        foreach (var step in Order)
        {
            await RunAsync(step, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True once <see cref="Cancel"/> was called.</summary>
    public bool IsCancellationRequested => _cancel.IsCancellationRequested;

    /// <summary>
    /// Cancels the running step and every later one (Ctrl+C, SIGTERM): before the stop nothing needs undoing;
    /// after it, the rollback runs under its own time limit.
    /// </summary>
    public void Cancel() => _cancel.Cancel();

    /// <summary>Runs one step (the one after the last completed).</summary>
    /// <exception cref="UpgradeRefusedException">A gate refused; nothing was stopped.</exception>
    /// <exception cref="UpgradeFailedException">The step failed; after the stop, the rollback ran first.</exception>
    public async Task RunAsync(UpgradeStep step, CancellationToken cancellationToken = default)
    {
        var body = _bodies.TryGetValue(step, out var found)
            ? found
            : throw new ArgumentOutOfRangeException(nameof(step), step, "The rollback runs by itself after a failure.");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancel.Token);
        await RunStepAsync(body, linked.Token).ConfigureAwait(false);
    }

    /// <summary>The report as Markdown.</summary>
    public string RenderReport() => UpgradeReport.Render(this);

    /// <summary>Writes the report to <see cref="UpgradeOptions.ReportPath"/>; returns its path.</summary>
    public string WriteReport()
    {
        var path = Path.GetFullPath(_options.ReportPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, RenderReport());
        return path;
    }

    private async Task RunStepAsync(IStep body, CancellationToken cancellationToken)
    {
        var step = body.Step;
        EnsureOrder(step);
        var record = new StepRecord(step, _time.GetUtcNow());
        _steps.Add(record);
        _log.Info("upgrade", $"{UpgradeReport.Title(step)}…");
        // Set before the step runs and written down: a run killed in the middle of a step is rolled back
        // as if the step had done its harm.
        _run.Stopped |= step > UpgradeStep.Stop || (step == UpgradeStep.Stop && (_run.DatabaseCopyProven || _options.AcceptNoDatabaseBackup));
        _run.Bumped |= step >= UpgradeStep.Bump;
        _run.DatabaseTouched |= step >= UpgradeStep.Migrate;
        WriteState(record);
        try
        {
            var summary = await body.RunAsync(_run, record, cancellationToken).ConfigureAwait(false);
            record.End(StepOutcome.Succeeded, summary, _time.GetUtcNow());
            _completed.Add(step);
            _run.Upgraded = IsUpgraded;
            _log.Info("upgrade", $"{UpgradeReport.Title(step)}: {summary}");
        }
        catch (OperationCanceledException) when (!_run.Stopped)
        {
            record.End(StepOutcome.Failed, "cancelled; nothing was stopped", _time.GetUtcNow());
            _log.Write(SyncLogLevel.Error, "upgrade", $"{UpgradeReport.Title(step)} cancelled: nothing was stopped.");
            throw;
        }
        catch (UpgradeRefusedException e)
        {
            record.End(StepOutcome.Refused, e.Message, _time.GetUtcNow());
            _log.Write(SyncLogLevel.Error, "upgrade", $"{UpgradeReport.Title(step)} refused: {e.Message}");
            throw;
        }
        // Cancelled after the stop (Ctrl+C, a CI job cancelled) is a failure like any other: Directus is
        // down, so the rollback runs, under its own time limit.
        catch (Exception e) when (e is not OperationCanceledException || _run.Stopped)
        {
            var reason = e is OperationCanceledException ? "cancelled (Ctrl+C, SIGTERM or a cancelled CI job) after Directus was stopped" : e.Message;
            record.End(StepOutcome.Failed, reason, _time.GetUtcNow());
            _log.Write(SyncLogLevel.Error, "upgrade", $"{UpgradeReport.Title(step)} failed: {reason}");
            if (!_run.Stopped)
            {
                throw new UpgradeFailedException(step,
                    $"The upgrade failed at {UpgradeReport.Title(step)}: {e.Message}\nNothing was stopped: Directus{(CurrentVersion is null ? string.Empty : $" {CurrentVersion}")} at {_options.Connection.Url} is as it was.",
                    rolledBack: false, e);
            }

            var (restored, summary) = await RollbackAsync().ConfigureAwait(false);
            throw new UpgradeFailedException(step,
                $"The upgrade of Directus at {_options.Connection.Url} from {CurrentVersion} to {_options.TargetVersion} failed at {UpgradeReport.Title(step)}: {reason}\n{summary}",
                restored, e);
        }
        finally
        {
            WriteState(record);
            WriteReport();
        }
    }

    /// <summary>upgrade-state.json beside backup.json (once there is a backup folder).</summary>
    private void WriteState(StepRecord record)
    {
        if (_run.ToState(record, _options.TargetVersion, _time.GetUtcNow()) is { } state)
        {
            state.Write(_run.Backup!.Directory);
        }
    }

    private void EnsureOrder(UpgradeStep step)
    {
        var index = Order.ToList().IndexOf(step);
        if (_completed.Contains(step))
        {
            throw new InvalidOperationException($"{UpgradeReport.Title(step)} already ran.");
        }

        if (index > 0 && !_completed.Contains(Order[index - 1]))
        {
            throw new InvalidOperationException($"{UpgradeReport.Title(step)} needs {UpgradeReport.Title(Order[index - 1])} to succeed first.");
        }
    }
}
