using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Licensing;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Reporting;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>
/// The upgrade of one Directus instance as ordered, gated steps (the guide "Directus Upgrades" made
/// executable): preflight → backup → version check → stop → bump → install → migrate → start →
/// post-upgrade. Each step needs the one before; a gate that says no stops the run before anything is
/// stopped; any failure after the stop rolls back (old version, database, backup pushed, diff clean).
/// A Markdown report is rewritten after every step. One Cake task calls one step method.
/// </summary>
public sealed partial class DirectusUpgrade
{
    private readonly UpgradeOptions _options;
    private readonly IDirectusProvider _provider;
    private readonly ICommandRunner _runner;
    private readonly ISyncLog _log;
    private readonly TimeProvider _time;
    private readonly DirectusBackups _backups;
    private readonly IUpgradeServer _server;
    private readonly List<StepRecord> _steps = [];
    private readonly CancellationTokenSource _cancel = new();
    private readonly HashSet<UpgradeStep> _completed = [];
    private bool _stopped;
    private bool _bumped;
    private bool _databaseTouched;
    private bool _dumpReplaced;
    private bool _pendingPush;
    private bool _pendingPushed;

    /// <summary>Prepares an upgrade; nothing is contacted until the first step.</summary>
    public DirectusUpgrade(UpgradeOptions options, IDirectusProvider provider, ICommandRunner runner, ISyncLog? log = null, TimeProvider? time = null)
        : this(options, provider, runner, server: null, log, time)
    {
    }

    /// <summary>Prepares an upgrade whose rollback talks to Directus through <paramref name="server"/> (tests substitute it).</summary>
    public DirectusUpgrade(UpgradeOptions options, IDirectusProvider provider, ICommandRunner runner, IUpgradeServer? server, ISyncLog? log = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _provider = provider;
        _runner = runner;
        _log = log ?? NullSyncLog.Instance;
        _time = time ?? TimeProvider.System;
        _backups = new DirectusBackups(options.Connection, options.Sync, runner, _log, _time);
        _server = server ?? new DirectusUpgradeServer(options.Connection, _backups, options.ReadyTimeout, _time);
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

    /// <summary>The version found by the preflight.</summary>
    public DirectusVersion? CurrentVersion { get; private set; }

    /// <summary>The backup made by the backup step.</summary>
    public BackupManifest? Backup { get; private set; }

    /// <summary>The licence gate's verdict (null when not checked).</summary>
    public LicenceAssessment? Licence { get; private set; }

    /// <summary>True when the target's major version is above the current one.</summary>
    public bool IsMajorUpgrade => CurrentVersion is not null && _options.TargetVersion.Major > CurrentVersion.Major;

    /// <summary>True once the backup step made a database copy, restored it elsewhere and compared it with the live database.</summary>
    public bool DatabaseCopyProven { get; private set; }

    /// <summary>Risks the user accepted explicitly (e.g. no database copy), for the report and the CI summary.</summary>
    public IList<string> Risks { get; } = new List<string>();

    /// <summary>The last rollback's actions (null when none ran).</summary>
    public RollbackResult? Rollback { get; private set; }

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
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancel.Token);
        await RunStepAsync(step, linked.Token).ConfigureAwait(false);
    }

    private Task RunStepAsync(UpgradeStep step, CancellationToken cancellationToken) => step switch
    {
        UpgradeStep.Preflight => Run(step, PreflightAsync, cancellationToken),
        UpgradeStep.Backup => Run(step, BackupAsync, cancellationToken),
        UpgradeStep.VersionCheck => Run(step, CheckVersionAsync, cancellationToken),
        UpgradeStep.Stop => Run(step, StopAsync, cancellationToken),
        UpgradeStep.Bump => Run(step, BumpAsync, cancellationToken),
        UpgradeStep.Install => Run(step, InstallAsync, cancellationToken),
        UpgradeStep.Migrate => Run(step, MigrateAsync, cancellationToken),
        UpgradeStep.Start => Run(step, StartAsync, cancellationToken),
        UpgradeStep.PostUpgrade => Run(step, PostUpgradeAsync, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "The rollback runs by itself after a failure."),
    };

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

    private async Task Run(UpgradeStep step, Func<StepRecord, CancellationToken, Task<string>> body, CancellationToken cancellationToken)
    {
        EnsureOrder(step);
        var record = new StepRecord(step, _time.GetUtcNow());
        _steps.Add(record);
        _log.Info("upgrade", $"{UpgradeReport.Title(step)}…");
        // Set before the step runs and written down: a run killed in the middle of a step is rolled back
        // as if the step had done its harm.
        _stopped |= step > UpgradeStep.Stop || (step == UpgradeStep.Stop && (DatabaseCopyProven || _options.AcceptNoDatabaseBackup));
        _bumped |= step >= UpgradeStep.Bump;
        _databaseTouched |= step >= UpgradeStep.Migrate;
        WriteState(record);
        try
        {
            var summary = await body(record, cancellationToken).ConfigureAwait(false);
            record.End(StepOutcome.Succeeded, summary, _time.GetUtcNow());
            _completed.Add(step);
            _log.Info("upgrade", $"{UpgradeReport.Title(step)}: {summary}");
        }
        catch (OperationCanceledException) when (!_stopped)
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
        catch (Exception e) when (e is not OperationCanceledException || _stopped)
        {
            record.End(StepOutcome.Failed, e.Message, _time.GetUtcNow());
            _log.Write(SyncLogLevel.Error, "upgrade", $"{UpgradeReport.Title(step)} failed: {e.Message}");
            if (!_stopped)
            {
                throw new UpgradeFailedException(step,
                    $"The upgrade failed at {UpgradeReport.Title(step)}: {e.Message}\nNothing was stopped: Directus{(CurrentVersion is null ? string.Empty : $" {CurrentVersion}")} at {_options.Connection.Url} is as it was.",
                    rolledBack: false, e);
            }

            var (restored, summary) = await RollbackAsync().ConfigureAwait(false);
            throw new UpgradeFailedException(step,
                $"The upgrade of Directus at {_options.Connection.Url} from {CurrentVersion} to {_options.TargetVersion} failed at {UpgradeReport.Title(step)}: {e.Message}\n{summary}",
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
        if (Backup is not { } backup || CurrentVersion is not { } current)
        {
            return;
        }

        new UpgradeState
        {
            Previous = current.Text,
            Target = _options.TargetVersion.Text,
            LastStep = record.Step,
            LastOutcome = record.Outcome,
            Stopped = _stopped,
            Bumped = _bumped,
            DatabaseTouched = _databaseTouched,
            DumpReplaced = _dumpReplaced,
            RolledBack = Rollback?.IsComplete,
            Upgraded = IsUpgraded,
            UpdatedAt = _time.GetUtcNow(),
        }.Write(backup.Directory);
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

    private DumpLayout Layout(string dumpPath) =>
        new(dumpPath, _options.Sync.CollectionsPath, _options.Sync.SnapshotPath, _options.Sync.SpecsPath);

    private async Task<bool> WaitReadyAsync(CancellationToken cancellationToken) =>
        await ServerReadiness.WaitAsync(_options.Connection, _options.ReadyTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);

    private RequiredState Require() => new(
        CurrentVersion ?? throw new InvalidOperationException("The preflight did not run."),
        Backup ?? throw new InvalidOperationException("The backup did not run."));

    private readonly record struct RequiredState(DirectusVersion Current, BackupManifest Backup);
}
