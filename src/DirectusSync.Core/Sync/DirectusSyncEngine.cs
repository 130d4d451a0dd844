using DirectusSync.Core.Diff;
using DirectusSync.Core.Execution;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Reading;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Sync;

/// <summary>
/// The façade the front ends (CLI, Cake, MSBuild) call: pull, diff (plan) and push, with directus-sync's
/// options and dump layout.
/// </summary>
public sealed class DirectusSyncEngine(DirectusClient client, ISyncLog? log = null) : IPushTarget
{
    private readonly ISyncLog _log = log ?? NullSyncLog.Instance;

    /// <summary>The log this engine writes to (a push workflow over it logs there too).</summary>
    public ISyncLog Log => _log;
    private readonly IdMapClient _idMaps = new(client);
    private readonly SchemaClient _schema = new(client);
    private readonly DirectusServer _server = new(client);

    // Keys the target does not keep are reported once per engine, not once per push pass.
    private readonly HashSet<(string Collection, string SyncId, string Key)> _reported = [];

    // Once per engine at most: a push's later passes follow our own writes, after which Directus has cleared it itself.
    private bool _systemCacheCleared;

    /// <summary>
    /// Writes the source's snapshot, specs and system collections to the dump. Everything is written to a staging
    /// folder first and swapped in at the end (<see cref="PullStaging"/>): a pull that fails or is cancelled leaves
    /// the previous dump as it was.
    /// </summary>
    public async Task<PullResult> PullAsync(SyncOptions options, CancellationToken cancellationToken = default)
    {
        var collections = options.SelectedCollections();
        var preserved = options.PreservedCollections();
        var target = Layout(options);
        // The dump about to be replaced tells which Directus it was taken from (an upgrade since makes a stale cache possible).
        var dumpVersion = new SnapshotStore(target, options.Split, options.SortJson).ReadDirectusVersion();
        // Checked before any file is written: in extension mode, without the extension there are no sync ids.
        var (info, mode, checkRenaming) = await PrepareAsync(options, needsExtension: collections.Count > 0, dumpVersion, cancellationToken).ConfigureAwait(false);
        var storedMaps = checkRenaming ? ListStoredMapsAsync(collections, cancellationToken) : null;

        using var staging = new PullStaging(target);
        var layout = staging.Layout;

        // Schema, specs and items are independent reads: all in flight at once. (Directus generates the
        // specs on demand; they are most of a pull's server time.)
        var snapshotTask = options.Snapshot ? _schema.GetSnapshotAsync(cancellationToken) : null;
        var specsTask = options.Specs ? FetchSpecsAsync(cancellationToken) : null;
        Task<LiveState>? liveTask = null;
        if (collections.Count > 0)
        {
            var queries = new Dictionary<string, string>();
            foreach (var definition in collections)
            {
                var query = LiveStateReader.BaseQuery();
                if (options.Hooks.For(definition.Name).OnQuery is { } onQuery)
                {
                    query = await onQuery(query, cancellationToken).ConfigureAwait(false);
                }

                queries[definition.Name] = LiveStateReader.BuildQuery(definition, query);
            }

            liveTask = Reader(mode).ReadAsync(collections, c => queries[c.Name], cancellationToken);
        }

        var snapshotWritten = false;
        if (snapshotTask is not null)
        {
            var snapshot = await snapshotTask.ConfigureAwait(false);
            if (options.Hooks.Snapshot.OnSave is { } onSave)
            {
                snapshot = await onSave(snapshot, cancellationToken).ConfigureAwait(false);
            }

            new SnapshotStore(layout, options.Split, options.SortJson).Write(snapshot);
            snapshotWritten = true;
            _log.Debug("snapshot", "Saved snapshot");
        }
        else
        {
            _log.Debug(string.Empty, "Snapshot is disabled");
        }

        if (specsTask is not null)
        {
            var (itemSdl, systemSdl, openApi) = await specsTask.ConfigureAwait(false);
            var specs = new SpecsStore(layout);
            specs.WriteItemGraphql(itemSdl);
            specs.WriteSystemGraphql(systemSdl);
            specs.WriteOpenApi(openApi);
        }

        var counts = new Dictionary<string, int>();
        if (liveTask is not null)
        {
            var live = await liveTask.ConfigureAwait(false);
            if (storedMaps is not null)
            {
                EnsureNoRenaming(await storedMaps.ConfigureAwait(false), live, desired: null);
            }

            // Asked for auto or derived: new maps take the derived sync ids, so the dump stays valid without the extension.
            var portable = options.IdMaps != IdMapMode.Extension;
            var syncIds = await AssignSyncIdsAsync(collections, live, preserved, portable, cancellationToken).ConfigureAwait(false);
            string? SyncIdOf(string table, string localId) => syncIds.TryGetValue((table, localId), out var s) ? s : null;

            var store = new CollectionDumpStore(layout, options.SortJson);
            foreach (var definition in collections)
            {
                var hooks = options.Hooks.For(definition.Name);
                var items = new JArray(live.Collections[definition.Name].Items
                    .Select(i => ItemNormalizer.WithSyncId(i, syncIds[(definition.Name, i["id"]!.ToString())])));
                _log.Debug(definition.Name, $"Pulled {items.Count} items.");
                if (hooks.OnDump is { } onDump)
                {
                    items = await onDump(items, cancellationToken).ConfigureAwait(false);
                }

                var mapped = items.OfType<JObject>()
                    .Select(i => ItemNormalizer.MapRelations(definition, i, SyncIdOf, options.SyncPolicyRoles))
                    .ToList();
                var sorted = new JArray(DumpOrder.Sort(definition, mapped));
                if (hooks.OnSave is { } onSave)
                {
                    sorted = await onSave(sorted, cancellationToken).ConfigureAwait(false);
                }

                store.Write(definition.Name, sorted);
                counts[definition.Name] = sorted.Count;
                _log.Debug(definition.Name, $"Post-processed {sorted.Count} items.");
            }
        }

        // The last point where stopping leaves the old dump untouched; the commit itself is not interrupted.
        cancellationToken.ThrowIfCancellationRequested();
        staging.Commit(replaceSnapshot: snapshotWritten);
        return new PullResult(info, counts, snapshotWritten) { IdMaps = mode };
    }

    /// <summary>
    /// Computes what a push would do, without writing anything: every dump file is read and validated,
    /// the schema diff comes from Directus, the items are compared with the target read in bulk.
    /// </summary>
    public Task<DiffResult> DiffAsync(SyncOptions options, CancellationToken cancellationToken = default) =>
        PlanPushAsync(options, previous: null, cancellationToken);

    /// <summary>
    /// The plan after a push pass: as <see cref="DiffAsync"/>, on the server and id-map
    /// mode <paramref name="previous"/> established seconds before. The version check, the extension probe and the
    /// extension-less mode's renaming check are not repeated (a pass writes no id maps in that mode); the data cache is
    /// cleared as before every diff. Directus serves one request at a time: the ~10 requests saved are ~0.1 s of a
    /// push's check.
    /// </summary>
    public Task<DiffResult> DiffAgainAsync(DiffResult previous, SyncOptions options, CancellationToken cancellationToken = default) =>
        PlanPushAsync(options, previous, cancellationToken);

    private async Task<DiffResult> PlanPushAsync(SyncOptions options, DiffResult? previous, CancellationToken cancellationToken)
    {
        var collections = options.SelectedCollections();
        var preserved = options.PreservedCollections();
        var layout = Layout(options);

        // Everything local is read and validated before anything else is asked of the server. Only the version check, a
        // read, is sent meanwhile (from another thread): the first request's cost — connection, login, the HTTP stack's
        // first use — overlaps the parsing. A bad dump is reported whatever the server answered, and nothing is written
        // before both are done.
        using var versionCheck = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var infoTask = previous is null ? Task.Run(() => _server.EnsureSupportedAsync(versionCheck.Token), versionCheck.Token) : null;
        JObject? snapshot;
        Dictionary<string, JArray> files;
        string? dumpVersion;
        try
        {
            snapshot = options.Snapshot ? new SnapshotStore(layout, options.Split, options.SortJson).Read() : null;
            var store = new CollectionDumpStore(layout, options.SortJson);
            files = collections.ToDictionary(c => c.Name, c => store.Read(c.Name));
            dumpVersion = snapshot is not null
                ? (snapshot["directus"] as JValue)?.Value<string>()
                : new SnapshotStore(layout, options.Split, options.SortJson).ReadDirectusVersion();
        }
        catch when (infoTask is not null)
        {
            await versionCheck.CancelAsync().ConfigureAwait(false);
            await Observed(infoTask).ConfigureAwait(false);
            throw;
        }

        var (info, mode, checkRenaming) = infoTask is not null
            ? await PrepareAsync(options, needsExtension: collections.Count > 0 || snapshot is not null, dumpVersion, cancellationToken, infoTask).ConfigureAwait(false)
            : await PreparedAsync(previous!, cancellationToken).ConfigureAwait(false);
        var storedMaps = checkRenaming ? ListStoredMapsAsync(collections, cancellationToken) : null;

        // The schema diff is sent first and the items are read while Directus computes it (independent reads). Sent
        // after the reads, it waited for a free connection behind them.
        var merge = options.Mode != PushMode.Mirror;
        Task<SchemaChanges?>? schemaTask = null;
        if (snapshot is not null)
        {
            if (options.Hooks.Snapshot.OnLoad is { } onLoad)
            {
                snapshot = await onLoad(snapshot, cancellationToken).ConfigureAwait(false);
            }

            // Merge and add never delete: not a collection, field or relation either (as d6s' modes). Directus
            // 12.2+ leaves them out itself; 11.x answers in full and the deletions are dropped in the plan.
            schemaTask = _schema.DiffAsync(snapshot, options.Force, merge: merge && info.Version.HasBatchEndpoints, cancellationToken);
        }

        var liveTask = Reader(mode).ReadAsync(collections, cancellationToken: cancellationToken);
        try
        {
            return await PlanAsync(options, collections, preserved, layout, schemaTask, files, info, mode, storedMaps, liveTask, cancellationToken).ConfigureAwait(false);
        }
        catch when (!liveTask.IsCompleted || liveTask.IsFaulted || schemaTask is { IsCompleted: false } || schemaTask is { IsFaulted: true })
        {
            // The other request's own failure, if any, is not the one to report: observe it and let the first one through.
            await Task.WhenAll(Observed(liveTask), Observed(schemaTask)).ConfigureAwait(false);
            throw;
        }

        static async Task Observed(Task? task)
        {
            if (task is not null)
            {
                await Task.WhenAny(task).ConfigureAwait(false);
                _ = task.Exception;
            }
        }
    }

    private async Task<DiffResult> PlanAsync(SyncOptions options, IReadOnlyList<CollectionDefinition> collections, IReadOnlySet<string> preserved,
        DumpLayout layout, Task<SchemaChanges?>? schemaTask, Dictionary<string, JArray> files, ServerInfo info, IdMapMode mode,
        Task<IReadOnlyList<(CollectionDefinition Definition, IReadOnlyList<IdMap> Maps)>>? storedMaps, Task<LiveState> liveTask,
        CancellationToken cancellationToken)
    {
        SchemaChanges? schemaChanges = null;
        if (schemaTask is not null)
        {
            schemaChanges = await schemaTask.ConfigureAwait(false);
            if (options.Mode != PushMode.Mirror)
            {
                schemaChanges = SchemaMerge.WithoutDeletions(schemaChanges);
            }

            if (schemaChanges is null)
            {
                _log.Debug("snapshot", "No changes to apply");
            }
            else
            {
                foreach (var part in new[] { "collections", "fields", "relations" })
                {
                    // The reference's words and level: "Found 1 change in fields", "Found 0 change in relations".
                    var count = schemaChanges.Count(part);
                    _log.Info("snapshot", $"Found {count} change{(count > 1 ? "s" : string.Empty)} in {part}");
                }
            }
        }
        else
        {
            _log.Debug(string.Empty, "Snapshot is disabled");
        }

        var desired = new Dictionary<string, IReadOnlyList<JObject>>();
        foreach (var definition in collections)
        {
            var items = files[definition.Name];
            if (options.Hooks.For(definition.Name).OnLoad is { } onLoad)
            {
                items = await onLoad(items, cancellationToken).ConfigureAwait(false);
            }

            desired[definition.Name] = items.OfType<JObject>().ToList();
            if (mode == IdMapMode.Derived)
            {
                desired[definition.Name] = DerivedDesired(definition, desired[definition.Name], layout.CollectionFile(definition.Name));
            }
        }

        var live = await liveTask.ConfigureAwait(false);
        if (storedMaps is not null)
        {
            EnsureNoRenaming(await storedMaps.ConfigureAwait(false), live, desired);
        }

        var plan = SyncDiffer.Diff(new DesiredState(desired), live, new DiffOptions
        {
            Collections = collections,
            PreserveIds = preserved,
            SyncPolicyRoles = options.SyncPolicyRoles,
            StoresIdMaps = mode != IdMapMode.Derived,
        }, schemaChanges);
        plan = ApplyMode(plan, options.Mode);
        PlanValidator.Validate(plan, live, layout.CollectionsDirectory);
        foreach (var key in plan.NotKept.Where(k => _reported.Add((k.Collection, k.SyncId, k.Key))))
        {
            _log.Warn(key.Collection, $"{layout.CollectionFile(key.Collection)}: item {key.SyncId}, key \"{key.Key}\": not kept by Directus ({key.Reason}); left out of the comparison.");
        }

        foreach (var summary in plan.Summaries)
        {
            _log.Count(summary.Collection, summary.Dangling, $"Dangling id maps: {summary.Dangling} item(s)");
            _log.Count(summary.Collection, summary.ToCreate, $"To create: {summary.ToCreate} item(s)");
            _log.Count(summary.Collection, summary.ToUpdate, $"To update: {summary.ToUpdate} item(s)");
            _log.Count(summary.Collection, summary.ToDelete, $"To delete: {summary.ToDelete} item(s)");
            _log.Debug(summary.Collection, $"Unchanged: {summary.Unchanged} item(s)");
        }

        return new DiffResult(info, plan, live) { IdMaps = mode };
    }

    /// <summary>
    /// Runs one push pass: the plan of <paramref name="diff"/> as computed by <see cref="DiffAsync"/>, nothing
    /// checked. Front ends push through <c>DirectusSync.Core.Workflow.PushWorkflow</c>, which diffs, guards,
    /// repeats the pass until the target matches and verifies it; this is its write step.
    /// </summary>
    public async Task<PushResult> ApplyAsync(DiffResult diff, SyncOptions options, CancellationToken cancellationToken = default)
    {
        // Whoever computed this plan has reported its keys the target does not keep: later passes stay quiet.
        _reported.UnionWith(diff.Plan.NotKept.Select(k => (k.Collection, k.SyncId, k.Key)));
        var executor = new PlanExecutor(client, diff.IdMaps == IdMapMode.Derived ? null : _idMaps, _log,
            options.BatchImport && diff.Server.Version.HasBatchEndpoints);
        // No cache clear after a schema apply: Directus' collections, fields and relations services clear the system
        // cache themselves on every write (11.17.4 and 12.4.0 alike), and the next pass clears the data cache.
        return await executor.ExecuteAsync(diff.Plan, diff.Live, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// How many rows a user collection holds on the target (one aggregate request), so that a refusal to drop
    /// it can say what would be lost.
    /// </summary>
    public async Task<long> CountRowsAsync(string collection, CancellationToken cancellationToken = default)
    {
        return await new ItemsClient(client).CountAsync(collection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The sum of two push passes' counts (the first is updated and returned).</summary>
    internal static PushResult Add(PushResult total, PushResult pass)
    {
        foreach (var (collection, counts) in pass.Counts)
        {
            if (total.Counts.TryGetValue(collection, out var sum))
            {
                sum.AddCreated(counts.Created);
                sum.AddUpdated(counts.Updated);
                sum.AddDeleted(counts.Deleted);
                sum.AddDangling(counts.DanglingRemoved);
            }
        }

        return total with { SchemaApplied = total.SchemaApplied || pass.SchemaApplied };
    }

    /// <summary>Keeps only what the push mode allows.</summary>
    public static SyncPlan ApplyMode(SyncPlan plan, PushMode mode) => mode switch
    {
        PushMode.Add => plan.WithOperations(plan.Operations.Where(o =>
            o is CreateItem or CreateIdMap or DeleteIdMap or DeleteDuplicatePermission or UpdateItem { IsDeferredRelation: true } or ReleaseOperationLink { BeforeUpdate: false }).ToList()) with
        {
            Summaries = plan.Summaries.Select(s => s with { ToUpdate = 0, ToDelete = 0 }).ToList(),
        },
        PushMode.Merge => plan.WithOperations(plan.Operations.Where(o => o is not DeleteItem).ToList()) with
        {
            Summaries = plan.Summaries.Select(s => s with { ToDelete = 0 }).ToList(),
        },
        _ => plan,
    };

    /// <summary>
    /// The version check first (nothing is sent to an unsupported server), then the cache clears and the
    /// extension check together: they are independent, and every command waits for them. Returns the id-map
    /// mode to use (<c>auto</c> becomes extension when the extension answers, derived otherwise, and says so) and
    /// whether the extension-less mode must check that it renames nothing (derived asked on an instance that still
    /// has the extension).
    /// </summary>
    /// <remarks>
    /// The data cache is always cleared (cheap, and nothing to rebuild when it is off). The system cache only where it
    /// can be stale (see <see cref="SyncOptions.ClearSystemCache"/>): rebuilding it makes the next schema read about
    /// 150 ms slower at 20 collections on 12.4.0, paid on every pull and diff if cleared every time.
    /// </remarks>
    private async Task<(ServerInfo Info, IdMapMode Mode, bool CheckRenaming)> PrepareAsync(SyncOptions options, bool needsExtension,
        string? dumpVersion, CancellationToken cancellationToken, Task<ServerInfo>? versionCheck = null)
    {
        var info = await (versionCheck ?? _server.EnsureSupportedAsync(cancellationToken)).ConfigureAwait(false);
        var running = info.Version.ToString();
        var clearSystem = !_systemCacheCleared && (options.ClearSystemCache || dumpVersion != running);
        if (!_systemCacheCleared)
        {
            _log.Debug(string.Empty, clearSystem
                ? $"Clearing Directus' system cache ({(options.ClearSystemCache ? "--clear-system-cache" : dumpVersion is null ? "no snapshot in the dump tells its version" : $"dump taken from {dumpVersion}, server runs {running}")})"
                : $"Leaving Directus' system cache (dump taken from the running version {running}; --clear-system-cache clears it)");
        }

        _systemCacheCleared |= clearSystem;
        var check = options.IdMaps switch
        {
            IdMapMode.Extension when needsExtension => RequireExtensionAsync(),
            IdMapMode.Auto => DetectAsync(cancellationToken),
            // The safety check of the extension-less mode only matters where the extension still answers.
            IdMapMode.Derived when needsExtension => ProbeForRenamingAsync(),
            _ => Task.FromResult((options.IdMaps, false)),
        };
        await Task.WhenAll(_server.ClearCacheAsync(clearSystem, cancellationToken), check).ConfigureAwait(false);
        var (mode, checkRenaming) = await check.ConfigureAwait(false);
        return (info, mode, checkRenaming);

        async Task<(IdMapMode, bool)> RequireExtensionAsync()
        {
            await _idMaps.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
            return (IdMapMode.Extension, false);
        }

        async Task<(IdMapMode, bool)> ProbeForRenamingAsync() =>
            (IdMapMode.Derived, await _idMaps.IsInstalledAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<(ServerInfo Info, IdMapMode Mode, bool CheckRenaming)> PreparedAsync(DiffResult previous, CancellationToken cancellationToken)
    {
        await _server.ClearCacheAsync(system: false, cancellationToken).ConfigureAwait(false);
        return (previous.Server, previous.IdMaps, false);
    }

    private async Task<(IdMapMode, bool)> DetectAsync(CancellationToken cancellationToken) =>
        // No extension answering: nothing to rename, no safety check.
        (await new IdMapModeDetector(_idMaps, _log).DetectAsync(cancellationToken).ConfigureAwait(false), false);

    /// <summary>
    /// The id maps directus-extension-sync stores for the uuid-keyed collections, read beside the items for the
    /// extension-less mode's safety check (<see cref="EnsureNoRenaming"/>). Permissions and presets are matched by natural
    /// key (a dump's old sync ids are renamed before the comparison), and the settings row is the singleton: only
    /// uuid-keyed items can be renamed.
    /// </summary>
    private async Task<IReadOnlyList<(CollectionDefinition Definition, IReadOnlyList<IdMap> Maps)>> ListStoredMapsAsync(
        IReadOnlyList<CollectionDefinition> collections, CancellationToken cancellationToken)
    {
        var uuidKeyed = collections.Where(c => !c.HasIntegerIds && !c.IsSingleton).ToList();
        var stored = await Task.WhenAll(uuidKeyed.Select(c => _idMaps.ListAsync(c.Name, cancellationToken))).ConfigureAwait(false);
        return uuidKeyed.Zip(stored).ToList();
    }

    /// <summary>
    /// The safety of moving a project out of extension mode. When the instance still has directus-extension-sync
    /// and it knows an item under another sync id than the one derived for it (the reference draws random sync
    /// ids; a dump written by it names items by them), deriving would rename that item: a pull would write it
    /// under a new sync id, and a push of a dump that names it by the old one would create it again and delete it.
    /// Refused before any write, with the items named.
    /// </summary>
    /// <param name="stored">The extension's maps of the uuid-keyed collections (<see cref="ListStoredMapsAsync"/>).</param>
    /// <param name="live">The target, with derived maps.</param>
    /// <param name="desired">The dump's items (diff, push): only items the dump names by their old sync id count; null for a pull.</param>
    private static void EnsureNoRenaming(IReadOnlyList<(CollectionDefinition Definition, IReadOnlyList<IdMap> Maps)> stored, LiveState live,
        IReadOnlyDictionary<string, IReadOnlyList<JObject>>? desired)
    {
        var renamed = new List<string>();
        foreach (var (definition, maps) in stored)
        {
            var derived = live.Collections[definition.Name].IdMaps.ToDictionary(m => m.LocalId, m => m.SyncId, StringComparer.Ordinal);
            var named = desired?[definition.Name].Select(i => i.Value<string>("_syncId")).ToHashSet(StringComparer.Ordinal);
            var conflicts = maps
                .Where(m => derived.TryGetValue(m.LocalId, out var syncId) && syncId != m.SyncId)
                .Where(m => named is null || named.Contains(m.SyncId))
                .ToList();
            if (conflicts.Count > 0)
            {
                renamed.Add($"{definition.Name}: {conflicts.Count} item(s), e.g. item {conflicts[0].LocalId} is sync id {conflicts[0].SyncId} there");
            }
        }

        if (renamed.Count > 0)
        {
            throw new SyncOptionsException("--id-maps",
                $"--id-maps derived: directus-extension-sync on this instance knows items under sync ids that are not the ones derived from them " +
                $"({string.Join("; ", renamed)}). Without the extension they would be {(desired is null ? "renamed in the dump" : "created again and deleted")}. " +
                "Nothing was written. Keep --id-maps extension (or auto) for this project: its dump was written with server-drawn sync ids.");
        }
    }

    private LiveStateReader Reader(IdMapMode mode) => new(client, mode == IdMapMode.Derived ? null : _idMaps);

    /// <summary>
    /// The dump's items as the extension-less mode identifies them: permissions and presets under their natural
    /// key's sync id (a dump pulled in extension mode has server-drawn ones), and every other sync id a uuid, since
    /// it becomes the item's id.
    /// </summary>
    private IReadOnlyList<JObject> DerivedDesired(CollectionDefinition definition, IReadOnlyList<JObject> items, string file)
    {
        if (!definition.HasIntegerIds && !definition.IsSingleton)
        {
            var invalid = items.Select(i => i.Value<string>("_syncId") ?? string.Empty)
                .FirstOrDefault(id => !Guid.TryParse(id, out _) && !Placeholders.IsPlaceholder(id));
            if (invalid is not null)
            {
                throw new DumpFileException(file,
                    $"_syncId \"{invalid}\" is not a uuid: without directus-extension-sync (--id-maps derived) the sync id of a {definition.Name} item is its id");
            }
        }

        var (rekeyed, renamed) = DerivedIdMaps.Rekey(definition, items);
        if (renamed.Count > 0)
        {
            _log.Info(definition.Name, $"{file}: {renamed.Count} item(s) compared under their extension-less sync id (from their natural key, e.g. {renamed[0].From} → {renamed[0].To}); a pull in this mode writes them so");
        }

        return rekeyed;
    }

    private async Task<(string ItemSdl, string SystemSdl, JToken OpenApi)> FetchSpecsAsync(CancellationToken cancellationToken)
    {
        var itemSdl = _server.GetGraphQlSdlAsync(system: false, cancellationToken);
        var systemSdl = _server.GetGraphQlSdlAsync(system: true, cancellationToken);
        var openApi = _server.GetOpenApiSpecAsync(cancellationToken);
        return (await itemSdl.ConfigureAwait(false), await systemSdl.ConfigureAwait(false), await openApi.ConfigureAwait(false));
    }

    /// <summary>
    /// Gives every pulled item a sync id: its existing map, else a new one, created concurrently: a placeholder for
    /// default rows, the item's own id for preserved collections, otherwise one the server draws (as the reference
    /// does). When <paramref name="portable"/> (<c>--id-maps auto</c>), a new map takes instead the sync id the
    /// extension-less mode derives (the id of a uuid item, the natural key's uuid of a permission or preset), so
    /// that the project can leave the extension and come back without a sync id changing; the server draws one
    /// only when that id is taken. Without the extension every item has its derived map already.
    /// </summary>
    private async Task<Dictionary<(string Table, string LocalId), string>> AssignSyncIdsAsync(
        IReadOnlyList<CollectionDefinition> collections, LiveState live, IReadOnlySet<string> preserved, bool portable, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, string), string>();
        foreach (var (table, collection) in live.Collections)
        {
            foreach (var map in collection.IdMaps)
            {
                result[(table, map.LocalId)] = map.SyncId;
            }
        }

        var toCreate = new List<(string Table, string LocalId, string? SyncId)>();
        string? SyncIdOf(string table, string localId) => result.TryGetValue((table, localId), out var s) ? s : null;
        // uuid collections first: the natural keys of permissions and presets name policies and roles by sync id.
        foreach (var definition in collections.OrderBy(c => c.HasIntegerIds))
        {
            var preserve = definition.AlwaysPreservesIds || preserved.Contains(definition.Name);
            var taken = live.Collections[definition.Name].IdMaps.Select(m => m.SyncId).ToHashSet(StringComparer.Ordinal);
            foreach (var (_, localId, key, rank) in DerivedIdMaps.Ranked(definition, live.Collections[definition.Name].Items, SyncIdOf))
            {
                if (result.ContainsKey((definition.Name, localId)))
                {
                    continue;
                }

                var syncId = live.Placeholders.PlaceholderFor(definition.Name, localId) ?? (preserve ? localId : null);
                if (syncId is null && portable)
                {
                    var derived = key is null ? localId : DerivedIdMaps.SyncIdOfKey(key, rank);
                    syncId = taken.Contains(derived) || (!definition.HasIntegerIds && !Guid.TryParse(derived, out _)) ? null : derived;
                }

                if (syncId is not null)
                {
                    taken.Add(syncId);
                    result[(definition.Name, localId)] = syncId;
                }

                toCreate.Add((definition.Name, localId, syncId));
            }
        }

        var created = await Task.WhenAll(toCreate.Select(async c =>
            (c.Table, c.LocalId, SyncId: await _idMaps.CreateAsync(c.Table, c.LocalId, c.SyncId, cancellationToken).ConfigureAwait(false))))
            .ConfigureAwait(false);
        foreach (var (table, localId, syncId) in created)
        {
            result[(table, localId)] = syncId;
        }

        return result;
    }

    private static DumpLayout Layout(SyncOptions options) =>
        new(options.DumpPath, options.CollectionsPath, options.SnapshotPath, options.SpecsPath);
}
