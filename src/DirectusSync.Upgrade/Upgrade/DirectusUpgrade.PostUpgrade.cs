using DirectusSync.Upgrade.Reporting;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>
/// The guide's post-upgrade steps (pull, diff, push adjustments), plus the proof the guide leaves out:
/// every item, collection, field and relation of the backup is still there.
/// </summary>
public sealed partial class DirectusUpgrade
{
    private static readonly string[] AccessCollections = ["roles", "policies", "permissions"];

    private async Task<string> PostUpgradeAsync(StepRecord record, CancellationToken cancellationToken)
    {
        var (_, backup) = Require();
        if (!await WaitReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Directus at {_options.Connection.Url} does not answer /server/ping.");
        }

        using var client = _options.Connection.CreateClient();
        var info = await new DirectusServer(client).EnsureSupportedAsync(cancellationToken).ConfigureAwait(false);
        record.Note($"Healthy: /server/ping answers, Directus {info.Version}");

        // Pulled into the backup folder first: the repository's dump changes only once everything checked out.
        var staging = Path.Combine(backup.Directory, "upgraded");
        var engine = new DirectusSyncEngine(client, _log);
        var options = _options.Sync with { DumpPath = staging };
        await engine.PullAsync(options, cancellationToken).ConfigureAwait(false);
        record.Note($"Pulled Directus {info.Version} into {staging}");

        var diff = await engine.DiffAsync(options, cancellationToken).ConfigureAwait(false);
        if (diff.Plan.HasDrift)
        {
            foreach (var line in PlanSummary.Of(diff.Plan).Lines(showValues: false))
            {
                record.Note($"adjustment: {line}");
            }

            // Directus' own pulled configuration: the guard stops a push that would drop or mass-delete anything.
            await new PushWorkflow(engine, _log).RunAsync(new PushRequest(options), cancellationToken).ConfigureAwait(false);
            diff = await engine.DiffAsync(options, cancellationToken).ConfigureAwait(false);
            if (diff.Plan.HasDrift)
            {
                throw new InvalidOperationException($"Directus {info.Version} does not keep its own pulled configuration:\n{string.Join('\n', PlanSummary.Of(diff.Plan).Lines(showValues: false))}");
            }

            record.Note("Adjustments pushed; diff clean");
        }
        else
        {
            record.Note("Diff: clean, no adjustment to push");
        }

        if (IsMajorUpgrade)
        {
            var access = await engine.DiffAsync(options with { OnlyCollections = AccessCollections }, cancellationToken).ConfigureAwait(false);
            record.Note($"Major upgrade review: roles, policies and permissions diff {(!access.Plan.HasDrift ? "clean" : "NOT clean")}");
        }

        var losses = ConfigurationLosses.Find(Layout(Baseline(backup)), Layout(staging), _options.Sync.Split);
        if (losses.Count > 0)
        {
            foreach (var loss in losses)
            {
                record.Note($"lost: {loss}");
            }

            if (!_options.AcceptLicenceLoss)
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

        var changed = ReplaceRepositoryDump(staging);
        record.Note($"Repository dump {Path.GetFullPath(_options.DumpPath)} updated to Directus {info.Version}: {changed.Count} file(s) changed");
        foreach (var file in changed.Take(30))
        {
            record.Note($"  changed: {file}");
        }

        var final = await engine.DiffAsync(_options.Sync with { DumpPath = Path.GetFullPath(_options.DumpPath) }, cancellationToken).ConfigureAwait(false);
        if (final.Plan.HasDrift)
        {
            throw new InvalidOperationException($"The repository's dump does not match Directus {info.Version} after the update:\n{string.Join('\n', PlanSummary.Of(final.Plan).Lines(showValues: false))}");
        }

        return $"Directus {info.Version} healthy, configuration intact{(losses.Count > 0 ? $" except {losses.Count} accepted loss(es)" : string.Empty)}, repository dump matches";
    }

    /// <summary>Replaces the repository dump's collections, snapshot and specs with the staged ones; returns the files that changed.</summary>
    private List<string> ReplaceRepositoryDump(string staging)
    {
        var from = Layout(staging);
        var to = Layout(Path.GetFullPath(_options.DumpPath));
        var changed = new List<string>();
        var parts = new[]
        {
            (Pulled: _options.Sync.Collections, Source: from.CollectionsDirectory, Target: to.CollectionsDirectory),
            (Pulled: _options.Sync.Snapshot, Source: from.SnapshotDirectory, Target: to.SnapshotDirectory),
            (Pulled: _options.Sync.Specs, Source: from.SpecsDirectory, Target: to.SpecsDirectory),
        };
        foreach (var (_, source, target) in parts.Where(p => p.Pulled))
        {
            var before = ReadTree(target);
            var after = ReadTree(source);
            changed.AddRange(before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
                .Where(f => !before.TryGetValue(f, out var a) || !after.TryGetValue(f, out var b) || a != b)
                .Select(f => Path.GetRelativePath(to.DumpDirectory, Path.Combine(target, f)).Replace('\\', '/')));
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            if (Directory.Exists(source))
            {
                CopyTree(source, target);
            }
        }

        _dumpReplaced = true;
        return changed;
    }

    private static Dictionary<string, string> ReadTree(string directory) =>
        !Directory.Exists(directory)
            ? []
            : Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText);

    private static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
