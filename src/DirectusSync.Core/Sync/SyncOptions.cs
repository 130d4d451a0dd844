using DirectusSync.Core.Model;

namespace DirectusSync.Core.Sync;

/// <summary>
/// The options of pull, diff and push, named after directus-sync's flags and config keys (defaults as
/// there). Front ends map their flags 1:1 onto this record.
/// </summary>
public sealed record SyncOptions
{
    /// <summary>--dump-path (./directus-config).</summary>
    public string DumpPath { get; init; } = "./directus-config";

    /// <summary>--collections-path, relative to the dump path (collections).</summary>
    public string CollectionsPath { get; init; } = "collections";

    /// <summary>--snapshot-path, relative to the dump path (snapshot).</summary>
    public string SnapshotPath { get; init; } = "snapshot";

    /// <summary>--specs-path, relative to the dump path (specs).</summary>
    public string SpecsPath { get; init; } = "specs";

    /// <summary>--only-collections (empty = all).</summary>
    public IReadOnlyList<string> OnlyCollections { get; init; } = [];

    /// <summary>--exclude-collections.</summary>
    public IReadOnlyList<string> ExcludeCollections { get; init; } = [];

    /// <summary>False with --no-collections.</summary>
    public bool Collections { get; init; } = true;

    /// <summary>False with --no-snapshot.</summary>
    public bool Snapshot { get; init; } = true;

    /// <summary>False with --no-split: one snapshot.json.</summary>
    public bool Split { get; init; } = true;

    /// <summary>False with --no-specs (pull).</summary>
    public bool Specs { get; init; } = true;

    /// <summary>--preserve-ids: collection names, or "all"/"*".</summary>
    public IReadOnlyList<string> PreserveIds { get; init; } = [];

    /// <summary>--force: let Directus diff a snapshot of another version or database vendor.</summary>
    public bool Force { get; init; }

    /// <summary>--max-push-retries (20; 0 = unlimited): how many verify-and-finish passes a push may make.</summary>
    public int MaxPushRetries { get; init; } = 20;

    /// <summary>False with --no-sync-policy-roles.</summary>
    public bool SyncPolicyRoles { get; init; } = true;

    /// <summary>--sort-json: sort keys of written JSON recursively.</summary>
    public bool SortJson { get; init; }

    /// <summary>What a push may do (mirror by default).</summary>
    public PushMode Mode { get; init; } = PushMode.Mirror;

    /// <summary>
    /// On Directus 12.2+, send a push's creates and updates as one batch import (one request, one transaction)
    /// instead of per-collection REST writes. Off: REST everywhere, as on 11.x.
    /// </summary>
    public bool BatchImport { get; init; } = true;

    /// <summary>
    /// --id-maps: where the sync ids live (extension by default, as the reference; derived without the extension;
    /// auto = the extension when it answers).
    /// </summary>
    public IdMapMode IdMaps { get; init; } = IdMapMode.Extension;

    /// <summary>
    /// --clear-system-cache: clear Directus' system cache (schema, permissions) before every command. Off, it is
    /// cleared only where it can be stale: when the dump was taken from another Directus version than the server
    /// runs (an upgrade since; the reference's reason, its issue #135) or there is no snapshot to tell. Directus clears
    /// it itself after every schema or permission change made through it, so only changes made beside it (direct
    /// SQL, migrations run by another process, another node without a shared cache) need the flag.
    /// </summary>
    public bool ClearSystemCache { get; init; }

    /// <summary>Hooks.</summary>
    public SyncHooks Hooks { get; init; } = new();

    /// <summary>
    /// The collections to sync, in the reference's order; unknown names are an error naming the option.
    /// </summary>
    public IReadOnlyList<CollectionDefinition> SelectedCollections()
    {
        if (!Collections)
        {
            return [];
        }

        foreach (var (option, names) in new[] { ("--only-collections", OnlyCollections), ("--exclude-collections", ExcludeCollections) })
        {
            var unknown = names.Where(n => SystemCollections.Find(n) is null).ToList();
            if (unknown.Count > 0)
            {
                throw new SyncOptionsException(option,
                    $"{option}: unknown collection(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Valid names: {string.Join(", ", SystemCollections.Names)}.");
            }
        }

        return SystemCollections.All
            .Where(c => OnlyCollections.Count == 0 || OnlyCollections.Contains(c.Name))
            .Where(c => !ExcludeCollections.Contains(c.Name))
            .ToList();
    }

    /// <summary>The collections named by --preserve-ids (validated).</summary>
    public IReadOnlySet<string> PreservedCollections()
    {
        var allowed = SystemCollections.PreservableNames;
        if (PreserveIds.Any(p => p is "all" or "*"))
        {
            return allowed.ToHashSet();
        }

        var invalid = PreserveIds.Where(p => !allowed.Contains(p)).ToList();
        if (invalid.Count > 0)
        {
            throw new SyncOptionsException("--preserve-ids",
                $"--preserve-ids: {string.Join(", ", invalid.Select(i => $"'{i}'"))} cannot be preserved. Valid: {string.Join(", ", allowed)}, all, *.");
        }

        return PreserveIds.ToHashSet();
    }
}
