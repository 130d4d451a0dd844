using DirectusSync.Core.Execution;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Model;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// The one way every front end (CLI, MSBuild, Cake aliases, the upgrade pipeline) pushes: diff → deletion guard →
/// dry run or apply → diff again and finish, with the guard re-checked before every pass, until the target matches
/// the dump (verified, not assumed). Bounded in every case: by <see cref="SyncOptions.MaxPushRetries"/>, by
/// <see cref="UnlimitedPasses"/> when that is 0, and by a plan that comes back unchanged (or seen before).
/// </summary>
public sealed class PushWorkflow(IPushTarget engine, ISyncLog? log = null)
{
    /// <summary>The most passes a push makes when <c>--max-push-retries</c> is 0 (the reference's "unlimited").</summary>
    public const int UnlimitedPasses = 100;

    private readonly ISyncLog _log = log ?? NullSyncLog.Instance;

    /// <summary>Runs the push (or, with <see cref="PushRequest.DryRun"/>, plans it and reports what the guard would stop).</summary>
    /// <exception cref="DeletionRefusedException">A pass would delete without consent; that pass wrote nothing.</exception>
    /// <exception cref="PushConvergenceException">The passes do not converge within the bound.</exception>
    public async Task<PushOutcome> RunAsync(PushRequest request, CancellationToken cancellationToken = default)
    {
        var options = request.Options;
        var planned = request.Planned ?? await engine.DiffAsync(options, cancellationToken).ConfigureAwait(false);
        var first = await CheckAsync(planned, request, cancellationToken).ConfigureAwait(false);
        if (request.DryRun)
        {
            return new PushOutcome(planned, first, null, 0);
        }

        var limit = MaxPasses(options.MaxPushRetries);
        // A fingerprint is a canonical copy of every write (~60 ms at 500 items): taken only once a second pass is needed.
        var seen = new HashSet<PlanFingerprint>();
        PushResult? total = null;
        var diff = planned;
        var passes = 0;
        while (!diff.Plan.IsEmpty)
        {
            var pass = passes + 1;
            var verdict = pass == 1 ? first : await CheckAsync(diff, request, cancellationToken).ConfigureAwait(false);
            if (verdict.IsRefused)
            {
                throw new DeletionRefusedException(verdict, pass);
            }

            if (pass > 1)
            {
                if (seen.Count == 0)
                {
                    seen.Add(PlanFingerprint.Of(planned.Plan));
                }

                if (!seen.Add(PlanFingerprint.Of(diff.Plan)))
                {
                    // The same steps as an earlier pass: Directus does not keep what the dump says. Retrying would not help.
                    throw new PushConvergenceException($"Push does not converge: these changes were applied but Directus does not keep them: {Pending(diff)}");
                }
            }

            if (pass > limit)
            {
                throw new PushConvergenceException($"Push: max retries reached after {limit} attempts; still to do: {Pending(diff)}");
            }

            if (pass == 1)
            {
                // The reference's stage lines (root scope, as its logs are grepped): schema first, then the
                // clean-up of dangling maps, then each iteration.
                if (options.Snapshot)
                {
                    _log.Info(string.Empty, "⬆️  Push schema");
                }

                _log.Info(string.Empty, "🧹  Clean up collections");
            }

            _log.Info(string.Empty, $"⬆️  Push: iteration {pass}");
            var result = await engine.ApplyAsync(diff, options, cancellationToken).ConfigureAwait(false);
            passes = pass;
            total = total is null ? result : DirectusSyncEngine.Add(total, result);
            // A pass that applied no schema changed none (item writes do not touch it): the check after it compares
            // the items alone. The schema diff costs Directus a snapshot and a diff (~0.2 s at 20 collections on 12.4).
            var check = diff.Plan.Schema is null ? options with { Snapshot = false } : options;
            diff = await engine.DiffAgainAsync(diff, check, cancellationToken).ConfigureAwait(false);
            if (options.Mode != PushMode.Mirror)
            {
                // Merge and add leave differences on purpose (what they may not touch): one pass is the whole job;
                // what is left of their own kind is said, not retried.
                if (!diff.Plan.IsEmpty)
                {
                    _log.Warn("push", $"After the {PushModeParser.Name(options.Mode)} push the target still differs: {Pending(diff)}");
                }

                break;
            }
        }

        return new PushOutcome(planned, first, total ?? Nothing(), passes);
    }

    /// <summary>How many passes <c>--max-push-retries</c> allows (0 means <see cref="UnlimitedPasses"/>).</summary>
    public static int MaxPasses(int maxPushRetries) => maxPushRetries > 0 ? maxPushRetries : UnlimitedPasses;

    /// <summary>The guard's verdict on one plan, with the rows of every collection it would drop counted on the target.</summary>
    private async Task<DeletionGuardVerdict> CheckAsync(DiffResult diff, PushRequest request, CancellationToken cancellationToken)
    {
        var schema = SchemaDeletions.Find(diff.Plan.Schema);
        var consent = request.Consent;
        if (consent.Only is null && consent.Schema)
        {
            schema = [];
        }

        var counted = await Task.WhenAll(schema.Select(async s => s.Kind == SchemaDeletionKind.Collection && s.HasTable
            ? s with { Rows = await CountAsync(s.Collection, cancellationToken).ConfigureAwait(false) }
            : s)).ConfigureAwait(false);
        return DeletionGuard.Check(diff.Plan, diff.Live, counted, consent, request.Policy);
    }

    private async Task<long?> CountAsync(string collection, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.CountRowsAsync(collection, cancellationToken).ConfigureAwait(false);
        }
        catch (DirectusApiException)
        {
            // Counting is for the message; a refusal without the number still refuses.
            return null;
        }
    }

    private static string Pending(DiffResult diff) =>
        string.Join(", ", diff.Plan.Operations.Take(10).Select(o => $"{o.Kind} {o.Collection} {o.SyncId}"))
        + (diff.Plan.Schema is null ? string.Empty : $" and {diff.Plan.Schema.Total} schema change(s)");

    private static PushResult Nothing() => new(false, SystemCollections.Names.ToDictionary(n => n, _ => new PushCounts()));
}
