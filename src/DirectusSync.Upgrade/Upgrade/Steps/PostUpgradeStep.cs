using DirectusSync.Core.Workflow;

namespace DirectusSync.Upgrade.Upgrade.Steps;

/// <summary>
/// The guide's post-upgrade steps (pull, diff, push adjustments), plus the proof the guide leaves out: every item,
/// collection, field and relation of the backup is still there. The repository's dump changes only once everything
/// checked out.
/// </summary>
/// <param name="options">The upgrade's options.</param>
/// <param name="server">The Directus server.</param>
public sealed class PostUpgradeStep(UpgradeOptions options, IUpgradeServer server) : IStep
{
    private static readonly string[] AccessCollections = ["roles", "policies", "permissions"];
    private readonly RepositoryDump _dump = new(options);

    /// <inheritdoc />
    public UpgradeStep Step => UpgradeStep.PostUpgrade;

    /// <inheritdoc />
    public async Task<string> RunAsync(UpgradeRun run, StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(record);
        run.RequireCurrentVersion();
        var backup = run.RequireBackup();
        if (!await server.WaitAnswersAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Directus at {options.Connection.Url} does not answer /server/ping.");
        }

        var info = await server.GetSupportedInfoAsync(cancellationToken).ConfigureAwait(false);
        record.Note($"Healthy: /server/ping answers, Directus {info.Version}");

        // Pulled into the backup folder first: the repository's dump changes only once everything checked out.
        var staging = Path.Combine(backup.Directory, "upgraded");
        var sync = options.Sync with { DumpPath = staging };
        await server.PullAsync(sync, cancellationToken).ConfigureAwait(false);
        record.Note($"Pulled Directus {info.Version} into {staging}");

        var plan = await server.DiffAsync(sync, cancellationToken).ConfigureAwait(false);
        if (plan.HasDrift)
        {
            foreach (var line in PlanSummary.Of(plan).Lines(showValues: false))
            {
                record.Note($"adjustment: {line}");
            }

            // Directus' own pulled configuration: the guard stops a push that would drop or mass-delete anything.
            await server.PushAsync(new PushRequest(sync), cancellationToken).ConfigureAwait(false);
            plan = await server.DiffAsync(sync, cancellationToken).ConfigureAwait(false);
            if (plan.HasDrift)
            {
                throw new InvalidOperationException($"Directus {info.Version} does not keep its own pulled configuration:\n{string.Join('\n', PlanSummary.Of(plan).Lines(showValues: false))}");
            }

            record.Note("Adjustments pushed; diff clean");
        }
        else
        {
            record.Note("Diff: clean, no adjustment to push");
        }

        if (run.IsMajorUpgradeTo(options.TargetVersion))
        {
            var access = await server.DiffAsync(sync with { OnlyCollections = AccessCollections }, cancellationToken).ConfigureAwait(false);
            record.Note($"Major upgrade review: roles, policies and permissions diff {(!access.HasDrift ? "clean" : "NOT clean")}");
        }

        var losses = ConfigurationLosses.Find(_dump.Layout(_dump.Baseline(run, backup)), _dump.Layout(staging), options.Sync.Split);
        if (losses.Count > 0)
        {
            foreach (var loss in losses)
            {
                record.Note($"lost: {loss}");
            }

            if (!options.AcceptLicenceLoss)
            {
                throw new InvalidOperationException(
                    $"Directus {info.Version} lost configuration the backup holds:\n{string.Join('\n', losses.Select(l => "- " + l))}");
            }

            record.Note($"{losses.Count} element(s) lost, as accepted (--accept-licence-loss)");
        }
        else
        {
            record.Note("Intact: every item, collection, field and relation of the backup is still there");
        }

        // Written down before the first file changes: a run killed half-way through the replacement is
        // rolled back with the repository's dump restored from the backup, not left half 11, half 12.
        run.DumpReplaced = true;
        run.SaveCheckpoint();
        var changed = _dump.ReplaceWith(staging);
        record.Note($"Repository dump {_dump.FullPath} updated to Directus {info.Version}: {changed.Count} file(s) changed");
        foreach (var file in changed.Take(30))
        {
            record.Note($"  changed: {file}");
        }

        var final = await server.DiffAsync(options.Sync with { DumpPath = _dump.FullPath }, cancellationToken).ConfigureAwait(false);
        if (final.HasDrift)
        {
            throw new InvalidOperationException($"The repository's dump does not match Directus {info.Version} after the update:\n{string.Join('\n', PlanSummary.Of(final).Lines(showValues: false))}");
        }

        return $"Directus {info.Version} healthy, configuration intact{(losses.Count > 0 ? $" except {losses.Count} accepted loss(es)" : string.Empty)}, repository dump matches";
    }
}
