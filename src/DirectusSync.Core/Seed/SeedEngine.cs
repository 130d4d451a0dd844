using DirectusSync.Core.Execution;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Seed;

/// <summary>
/// <c>seed diff</c> and <c>seed push</c>: hand-written content for custom collections, <c>directus_users</c> and
/// <c>directus_files</c>, matched to target items through directus-extension-sync's id map (tables
/// <c>items::&lt;collection&gt;</c>, <c>users</c>, <c>files</c>, as the reference), or without it
/// (<see cref="SeedOptions.IdMaps"/> derived) by the id every run derives for an item (<see cref="SeedIdentity"/>),
/// which is also the id new items get in extension mode. Everything is read and checked
/// before the first write; seed data is never pulled. The engine reads the target, diffs it per collection
/// (<see cref="SeedDiffer"/>), plans the push as sync-plan operations (<see cref="SeedPlanner"/>) and hands the plan to
/// the <see cref="SeedPlanExecutor"/>, which alone sends writes: the plan shown by <c>seed diff</c> and
/// <c>seed push --dry-run</c> is what a push sends.
/// </summary>
public sealed class SeedEngine
{
    private readonly DirectusClient _client;
    private readonly ISyncLog _log;
    private readonly IdMapClient _idMaps;
    private readonly DirectusServer _server;

    /// <summary>An engine working on <paramref name="client"/>'s instance.</summary>
    public SeedEngine(DirectusClient client, ISyncLog? log = null)
    {
        _client = client;
        _log = log ?? NullSyncLog.Instance;
        _idMaps = new IdMapClient(client);
        _server = new DirectusServer(client);
    }

    /// <summary>What a seed push would do, operation by operation; writes nothing.</summary>
    /// <exception cref="DumpFileException">A seed file is malformed, names an unknown collection or an unknown related sync id.</exception>
    public async Task<SeedDiffResult> DiffAsync(SeedOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = await LoadAsync(options, cancellationToken).ConfigureAwait(false);
        var plan = Plan(state);
        LogPlan(plan, options.ShowValues);
        return new SeedDiffResult(state.Diffs) { Plan = plan };
    }

    /// <summary>
    /// Pushes the seeds: plans every write (<see cref="SeedPlanner"/>), checks it, then sends it in batches
    /// (<see cref="SeedPlanExecutor"/>): placeholder maps, dangling maps removed, creates in many-to-one dependency
    /// order, updates, and deletes (dependents first) as each seed's meta allows. With
    /// <see cref="SeedOptions.DryRun"/>, logs the plan and writes nothing.
    /// </summary>
    /// <exception cref="DumpFileException">A seed file is malformed, names an unknown collection or an unknown related sync id (nothing is written).</exception>
    /// <exception cref="DeletionRefusedException">The push would delete more than the deletion guard lets through without <see cref="SeedOptions.AllowDeletes"/> (nothing is written).</exception>
    /// <exception cref="SeedPushException">New items reference each other in a circle, or creates need more passes than allowed (nothing is written).</exception>
    public async Task<SeedPushResult> PushAsync(SeedOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = await LoadAsync(options, cancellationToken).ConfigureAwait(false);
        var plan = Plan(state);

        // Before the first write, with the rule every push follows: seed deletions are deletions of content.
        var verdict = options.AllowDeletes ? DeletionGuardVerdict.Clear : Guard(plan);
        if (options.DryRun)
        {
            LogPlan(plan, options.ShowValues);
            foreach (var problem in CreateProblems(plan, options, state))
            {
                _log.Warn("seed", $"A seed push would stop before writing anything: {problem}");
            }

            var none = state.Set.Collections.ToDictionary(c => c.Collection, _ => new PushCounts(), StringComparer.Ordinal);
            return new SeedPushResult(none, plan.CreatePasses) { Plan = plan, DryRun = true, Verdict = verdict };
        }

        if (verdict.IsRefused)
        {
            throw new DeletionRefusedException(verdict, pass: 1);
        }

        if (CreateProblems(plan, options, state).FirstOrDefault() is { } refused)
        {
            throw new SeedPushException(refused);
        }

        var counts = await new SeedPlanExecutor(_client, _log).ExecuteAsync(plan, state, cancellationToken).ConfigureAwait(false);
        return new SeedPushResult(counts, plan.CreatePasses) { Plan = plan, Verdict = verdict };
    }

    internal static SeedPlan Plan(SeedState state) =>
        SeedPlanner.Plan(
            state.Set.Collections,
            state.Targets,
            state.Diffs,
            state.PendingMaps,
            (table, syncId) => state.LocalIdOf(table, syncId) is not null,
            (collection, localId) => state.Live.TryGetValue(collection, out var items) ? items.GetValueOrDefault(localId) : null);

    /// <summary>The deletion guard's item rule on the plan's deletes (tracked: the items a seed's meta lets the push touch).</summary>
    private static DeletionGuardVerdict Guard(SeedPlan plan)
    {
        var deletes = plan.Plan.Operations.OfType<DeleteItem>().ToList();
        var refusals = DeletionGuard.CheckItems(
            plan.Plan.Summaries.Select(s => new CollectionDeletions(s.Collection, s.ToDelete + s.ToUpdate + s.Unchanged,
                deletes.Where(d => d.Collection == s.Collection).ToList())),
            unknown: plan.Plan.Summaries.Sum(s => s.ToCreate),
            known: plan.Plan.Summaries.Sum(s => s.ToUpdate + s.Unchanged));
        return new DeletionGuardVerdict(refusals, []);
    }

    /// <summary>Why the creates cannot all be sent (a circle, too many passes), checked before the first write.</summary>
    private static IEnumerable<string> CreateProblems(SeedPlan plan, SeedOptions options, SeedState state)
    {
        if (plan.Stuck.Count > 0)
        {
            yield return $"Seed push: these new items point at each other in a circle and cannot be created: {Describe(plan.Stuck, state)}";
        }

        if (options.MaxPushRetries > 0 && plan.CreatePasses > options.MaxPushRetries)
        {
            yield return $"Seed push: max retries reached after {options.MaxPushRetries} attempts; still to create: {Describe(plan.CreatesAfterPass(options.MaxPushRetries), state)}";
        }
    }

    private async Task<SeedState> LoadAsync(SeedOptions options, CancellationToken cancellationToken)
    {
        // Everything local is read and checked before the server is asked anything.
        var set = SeedSet.From(SeedLoader.Load(options.SeedPaths));

        await _server.EnsureSupportedAsync(cancellationToken).ConfigureAwait(false);
        await _server.ClearCacheAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var mode = await ModeAsync(options.IdMaps, cancellationToken).ConfigureAwait(false);
        var snapshot = await new SchemaClient(_client).GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var state = new SeedState
        {
            Set = set,
            Mode = mode,
            Targets = set.Collections.ToDictionary(c => c.Collection, c => SeedTarget.Describe(c, snapshot), StringComparer.Ordinal),
        };

        var reader = new SeedMapReader(_client, _idMaps);
        if (options.IdMaps == IdMapMode.Derived && await _idMaps.IsInstalledAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.EnsureNothingRecreatedAsync(state, cancellationToken).ConfigureAwait(false);
        }

        await reader.ReadAsync(state, snapshot, cancellationToken).ConfigureAwait(false);
        if (mode == IdMapMode.Derived && set.Collections.Any(c => c.Meta.Delete))
        {
            _log.Info(string.Empty, "Extension-less mode: items removed from a seed are not deleted (no id map records what earlier pushes created); delete them in Directus, or use directus-extension-sync");
        }

        await ResolvePlaceholdersAsync(state, cancellationToken).ConfigureAwait(false);
        CheckRelations(state);

        foreach (var seed in set.Collections)
        {
            state.Diffs.Add(SeedDiffer.Diff(seed, state.Targets[seed.Collection], state.Maps[seed.IdMapTable], state.Live[seed.Collection], state.SyncIdOf));
        }

        // Only new files are uploaded: an update never reads _file_path.
        foreach (var item in state.Diffs.Where(d => d.Collection == SeedTables.Files).SelectMany(d => d.Creates).Where(i => !File.Exists(i.FilePath)))
        {
            throw new DumpFileException(item.SourceFile, $"{SeedTables.Files} item \"{item.SyncId}\": the file \"{item.FilePath}\" (_file_path) does not exist");
        }

        return state;
    }

    /// <summary>The mode the seeds are matched in: the same rule as pull, diff and push (<see cref="IdMapModeDetector"/>).</summary>
    private async Task<IdMapMode> ModeAsync(IdMapMode requested, CancellationToken cancellationToken)
    {
        switch (requested)
        {
            case IdMapMode.Auto:
                return await new IdMapModeDetector(_idMaps, _log).DetectAsync(cancellationToken).ConfigureAwait(false);
            case IdMapMode.Extension:
                await _idMaps.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
                return IdMapMode.Extension;
            default:
                return IdMapMode.Derived;
        }
    }

    private async Task ResolvePlaceholdersAsync(SeedState state, CancellationToken cancellationToken)
    {
        var usesAdminRole = state.Set.Collections.Any(seed => state.Targets[seed.Collection].Relations.Values
            .Any(r => r.IdMapTable == "roles" && seed.Items.Any(i => i.Fields[r.Field]?.ToString() == Placeholders.AdminRole)));
        if (usesAdminRole && state.LocalIdOf("roles", Placeholders.AdminRole) is null
            && await _server.GetCurrentUserRoleAsync(cancellationToken).ConfigureAwait(false) is { } role)
        {
            // As the reference: a missing placeholder map is created on the fly (by push; diff only resolves it).
            state.Add("roles", Placeholders.AdminRole, role);
            if (state.Mode != IdMapMode.Extension)
            {
                // Without the extension the placeholder is resolved on every run; nothing to store.
                return;
            }

            state.PendingMaps.Add(new CreateIdMap("directus_roles", Placeholders.AdminRole, role,
                $"seed items use the placeholder {Placeholders.AdminRole}: it maps to the role of the current user ({role})"));
        }
    }

    private static void CheckRelations(SeedState state)
    {
        var seeds = state.Set.Collections.ToDictionary(c => c.Collection, StringComparer.Ordinal);
        foreach (var seed in state.Set.Collections)
        {
            var target = state.Targets[seed.Collection];
            foreach (var item in seed.Items)
            {
                foreach (var relation in target.Relations.Values)
                {
                    var value = item.Fields[relation.Field];
                    if (value is null || value.Type == JTokenType.Null)
                    {
                        continue;
                    }

                    if (value is not JValue { Type: JTokenType.String or JTokenType.Integer })
                    {
                        throw new DumpFileException(item.SourceFile,
                            $"{seed.Collection} item \"{item.SyncId}\": field \"{relation.Field}\" must be the _sync_id of a {relation.RelatedCollection} item (nested objects are not supported)");
                    }

                    var syncId = value.ToString();
                    var mapped = state.LocalIdOf(relation.IdMapTable, syncId) is not null;
                    var known = seeds.TryGetValue(relation.RelatedCollection, out var related)
                        ? related.Items.Any(i => i.SyncId == syncId) ? mapped || related.Meta.Create : mapped && !related.Meta.Delete
                        : mapped;
                    if (!known)
                    {
                        throw new DumpFileException(item.SourceFile,
                            $"{seed.Collection} item \"{item.SyncId}\": field \"{relation.Field}\" points at \"{syncId}\", which is neither a seed item of {relation.RelatedCollection} nor a tracked item of the target");
                    }
                }
            }
        }
    }

    /// <summary>The new items as an error names them: collection, sync id and seed file.</summary>
    private static string Describe(IEnumerable<CreateItem> creates, SeedState state) =>
        string.Join(", ", creates.Select(c => $"{c.Collection} \"{c.SyncId}\" ({SourceOf(state, c)})"));

    private static string? SourceOf(SeedState state, CreateItem create) =>
        state.Set.Collections.FirstOrDefault(s => s.Collection == create.Collection)?.Items.FirstOrDefault(i => i.SyncId == create.SyncId)?.SourceFile;

    // Names, not values, by default (the rule of every diff): content rows can hold personal data and secrets.
    private static string Fields(JObject fields, bool showValues) =>
        showValues
            ? LogText.Escape(SecretRedactor.MaskValues(fields).ToString(Formatting.None))
            : $"fields: {string.Join(", ", fields.Properties().Select(p => LogText.Escape(p.Name)))}";

    /// <summary>Every operation of the plan, per collection in push order, each followed by its reason (at debug).</summary>
    private void LogPlan(SeedPlan plan, bool showValues)
    {
        var operations = plan.Plan.Operations;
        foreach (var map in operations.OfType<CreateIdMap>())
        {
            _log.Info(map.Collection, $"Will map existing item (id: {map.LocalId}, sync id: {map.SyncId})");
            Why(map);
        }

        foreach (var summary in plan.Plan.Summaries)
        {
            var scope = summary.Collection;
            var mine = operations.Where(o => o.Collection == scope).ToList();
            _log.Count(scope, summary.Dangling, $"Dangling id maps: {summary.Dangling} item(s)");
            foreach (var unmap in mine.OfType<DeleteIdMap>())
            {
                _log.Info(scope, $"Will remove dangling id map (local id: {unmap.LocalId}, sync id: {unmap.SyncId})");
                Why(unmap);
            }

            _log.Count(scope, summary.ToCreate, $"To create: {summary.ToCreate} item(s)");
            foreach (var create in mine.OfType<CreateItem>())
            {
                _log.Info(scope, $"Will create item (sync id: {create.SyncId}) {Fields(create.Item, showValues)}");
                Why(create);
            }

            _log.Count(scope, summary.ToUpdate, $"To update: {summary.ToUpdate} item(s)");
            foreach (var update in mine.OfType<UpdateItem>())
            {
                _log.Info(scope, $"Will update item (id: {update.LocalId}, sync id: {update.SyncId}) {Fields(update.Changes, showValues)}");
                Why(update);
            }

            _log.Count(scope, summary.ToDelete, $"To delete: {summary.ToDelete} item(s)");
            foreach (var delete in mine.OfType<DeleteItem>())
            {
                _log.Info(scope, $"Will delete item (id: {delete.LocalId}, sync id: {delete.SyncId})");
                Why(delete);
            }

            _log.Debug(scope, $"Unchanged: {summary.Unchanged} item(s)");
        }

        foreach (var stuck in plan.Stuck)
        {
            _log.Warn(stuck.Collection, $"Cannot create item (sync id: {stuck.SyncId}): it points at new items that point back at it");
        }
    }

    private void Why(PlanOperation operation)
    {
        if (PlanStep.Reason(operation) is { } reason)
        {
            _log.Debug(operation.Collection, $"  why: {LogText.Escape(reason)}");
        }
    }
}
