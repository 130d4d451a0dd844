using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Upgrade;

namespace DirectusSync.Upgrade.Tests.Support;

/// <summary>
/// An <see cref="IUpgradeServer"/> without a server: every answer is a property the test sets, every call is
/// recorded in <see cref="Calls"/>; waits return at once unless a test makes them wait for the token.
/// </summary>
public sealed class FakeUpgradeServer : IUpgradeServer
{
    /// <summary>What was asked, in order ("ping", "pull", "diff", "push", "push (dry run)", "backup", …).</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The sync options of every pull, diff and push, in order.</summary>
    public List<SyncOptions> SyncOptions { get; } = [];

    /// <summary>The version /server/info reports.</summary>
    public string Version { get; set; } = "11.17.4";

    /// <summary>/server/ping answers.</summary>
    public bool Answers { get; set; } = true;

    /// <summary>The server is gone after a stop.</summary>
    public bool Stops { get; set; } = true;

    /// <summary>The plans the diffs return, in order (an empty plan once they run out).</summary>
    public Queue<SyncPlan> Plans { get; } = new();

    /// <summary>The guard's verdict on a push.</summary>
    public DeletionGuardVerdict Verdict { get; set; } = DeletionGuardVerdict.Clear;

    /// <summary>The seat holders.</summary>
    public IReadOnlyList<string> Seats { get; set; } = ["admin@example.com"];

    /// <summary>Makes the backup (the test's folder); replace it to fail.</summary>
    public Func<string, DatabaseLocation?, BackupManifest> MakeBackup { get; set; } = (_, _) => throw new InvalidOperationException("no backup configured");

    /// <summary>Thrown by <see cref="VerifyBackupAsync"/> when set.</summary>
    public Exception? VerifyFailure { get; set; }

    /// <summary>Thrown by <see cref="RestoreConfigurationAsync"/> when set.</summary>
    public Exception? RestoreFailure { get; set; }

    /// <summary>Thrown by the pull when set.</summary>
    public Exception? PullFailure { get; set; }

    /// <summary>When true, <see cref="WaitReadyAsync"/> waits until its token is cancelled (a rollback's start that never comes up).</summary>
    public bool HangOnWaitReady { get; set; }

    /// <summary>Completes when <see cref="WaitReadyAsync"/> starts to hang.</summary>
    public TaskCompletionSource WaitingForReady { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What restores the database in the rollback.</summary>
    public IDatabaseBackup? Database { get; set; }

    /// <inheritdoc />
    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => Record("ping", Answers, cancellationToken);

    /// <inheritdoc />
    public Task<bool> WaitAnswersAsync(CancellationToken cancellationToken = default) => Record("wait answers", Answers, cancellationToken);

    /// <inheritdoc />
    public Task<bool> WaitStoppedAsync(CancellationToken cancellationToken = default) => Record("wait stopped", Stops, cancellationToken);

    /// <inheritdoc />
    public async Task<DirectusVersion?> WaitReadyAsync(CancellationToken cancellationToken = default)
    {
        Calls.Add("wait ready");
        if (HangOnWaitReady)
        {
            WaitingForReady.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return Answers ? DirectusVersion.Parse(Version) : null;
    }

    /// <inheritdoc />
    public Task<ServerInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        Record("info", new ServerInfo(DirectusVersion.Parse(Version), "Test project"), cancellationToken);

    /// <inheritdoc />
    public Task<ServerInfo> GetSupportedInfoAsync(CancellationToken cancellationToken = default) =>
        Record("supported info", new ServerInfo(DirectusVersion.Parse(Version), "Test project"), cancellationToken);

    /// <inheritdoc />
    public Task PullAsync(SyncOptions options, CancellationToken cancellationToken = default)
    {
        SyncOptions.Add(options);
        Calls.Add(options.Snapshot ? "pull" : "pull (no snapshot)");
        cancellationToken.ThrowIfCancellationRequested();
        if (PullFailure is not null)
        {
            throw PullFailure;
        }

        // What a pull leaves: the dump folder with a collection file.
        Directory.CreateDirectory(Path.Combine(options.DumpPath, "collections"));
        File.WriteAllText(Path.Combine(options.DumpPath, "collections", "settings.json"), $"[{{\"_syncId\":\"s\",\"version\":\"{Version}\"}}]");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SyncPlan> DiffAsync(SyncOptions options, CancellationToken cancellationToken = default)
    {
        SyncOptions.Add(options);
        return Record(options.OnlyCollections is { Count: > 0 } ? "diff (access)" : "diff", Plans.Count > 0 ? Plans.Dequeue() : Drift.None, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DeletionGuardVerdict> PushAsync(PushRequest request, CancellationToken cancellationToken = default)
    {
        SyncOptions.Add(request.Options);
        return Record(request.DryRun ? "push (dry run)" : "push", Verdict, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ReadSeatHoldersAsync(CancellationToken cancellationToken = default) => Record("seats", Seats, cancellationToken);

    /// <inheritdoc />
    public Task<BackupManifest> CreateBackupAsync(string root, DatabaseLocation? database, CancellationToken cancellationToken = default)
    {
        Calls.Add("backup");
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(MakeBackup(root, database));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> VerifyBackupAsync(BackupManifest backup, DatabaseLocation? database, CancellationToken cancellationToken = default)
    {
        Calls.Add("verify");
        cancellationToken.ThrowIfCancellationRequested();
        return VerifyFailure is not null ? throw VerifyFailure : Task.FromResult<IReadOnlyList<string>>(["dump reads back"]);
    }

    /// <inheritdoc />
    public Task RestoreConfigurationAsync(BackupManifest backup, CancellationToken cancellationToken = default)
    {
        Calls.Add("restore configuration");
        cancellationToken.ThrowIfCancellationRequested();
        return RestoreFailure is not null ? throw RestoreFailure : Task.CompletedTask;
    }

    /// <inheritdoc />
    public IDatabaseBackup DatabaseBackupFor(DatabaseLocation database) =>
        Database ?? throw new InvalidOperationException("no database backup configured");

    private Task<T> Record<T>(string call, T answer, CancellationToken cancellationToken)
    {
        Calls.Add(call);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(answer);
    }
}
