using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Upgrade.Upgrade.Steps;

/// <summary>
/// The push of the repository's pending changes (--push-pending): planned by the preflight (dry run, so the guard's
/// verdict is known before anything is copied), pushed by the backup step once the backup is proven.
/// </summary>
public static class PendingPush
{
    /// <summary>The push request of the repository's dump, with the consent the user gave.</summary>
    public static PushRequest Request(UpgradeOptions options, SyncOptions sync)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PushRequest(sync) { Consent = options.PushConsent };
    }

    /// <summary>Pushes the pending changes through the workflow and its guard, then checks the diff is clean.</summary>
    public static async Task PushAsync(UpgradeOptions options, IUpgradeServer server, UpgradeRun run, StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(record);
        var sync = options.Sync with { DumpPath = Path.GetFullPath(options.DumpPath) };
        await server.PushAsync(Request(options, sync), cancellationToken).ConfigureAwait(false);
        var after = await server.DiffAsync(sync, cancellationToken).ConfigureAwait(false);
        if (after.HasDrift)
        {
            throw new InvalidOperationException($"After pushing the pending changes the server still differs:\n{string.Join('\n', PlanSummary.Of(after).Lines(showValues: false))}");
        }

        run.PendingPushed = true;
        record.Note($"Pending changes of the repository's dump {sync.DumpPath} pushed after the backup; diff clean");
    }
}
