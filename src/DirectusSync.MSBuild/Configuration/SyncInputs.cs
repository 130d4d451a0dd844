namespace DirectusSync.MSBuild.Configuration;

/// <summary>
/// What a task was given, as MSBuild passed it (strings as written in the project; empty means "not set").
/// Secrets that are not given here are read from the environment by <see cref="SettingsReader"/>.
/// </summary>
internal sealed record SyncInputs
{
    /// <summary>DirectusSyncUrl.</summary>
    public string? Url { get; init; }

    /// <summary>DirectusSyncToken: an explicit token (wins over the environment).</summary>
    public string? Token { get; init; }

    /// <summary>DirectusSyncTokenVariable: the environment variable that holds the token (DIRECTUS_TOKEN).</summary>
    public string? TokenVariable { get; init; }

    /// <summary>DirectusSyncEmail (else DIRECTUS_ADMIN_EMAIL).</summary>
    public string? Email { get; init; }

    /// <summary>DirectusSyncPassword (else DIRECTUS_ADMIN_PASSWORD).</summary>
    public string? Password { get; init; }

    /// <summary>DirectusSyncDumpPath.</summary>
    public string? DumpPath { get; init; }

    /// <summary>DirectusSyncCollectionsPath.</summary>
    public string? CollectionsPath { get; init; }

    /// <summary>DirectusSyncSnapshotPath.</summary>
    public string? SnapshotPath { get; init; }

    /// <summary>DirectusSyncSpecsPath.</summary>
    public string? SpecsPath { get; init; }

    /// <summary>DirectusSyncOnlyCollections: names separated by commas or semicolons.</summary>
    public string? OnlyCollections { get; init; }

    /// <summary>DirectusSyncExcludeCollections.</summary>
    public string? ExcludeCollections { get; init; }

    /// <summary>DirectusSyncIdMaps: extension, derived or auto.</summary>
    public string? IdMaps { get; init; }

    /// <summary>DirectusSyncPreserveIds.</summary>
    public string? PreserveIds { get; init; }

    /// <summary>DirectusSyncCollections.</summary>
    public bool Collections { get; init; } = true;

    /// <summary>DirectusSyncSnapshot.</summary>
    public bool Snapshot { get; init; } = true;

    /// <summary>DirectusSyncSplit.</summary>
    public bool Split { get; init; } = true;

    /// <summary>DirectusSyncSpecs.</summary>
    public bool Specs { get; init; } = true;

    /// <summary>DirectusSyncSyncPolicyRoles.</summary>
    public bool SyncPolicyRoles { get; init; } = true;

    /// <summary>DirectusSyncSortJson.</summary>
    public bool SortJson { get; init; }

    /// <summary>DirectusSyncClearSystemCache.</summary>
    public bool ClearSystemCache { get; init; }

    /// <summary>DirectusSyncForce.</summary>
    public bool Force { get; init; }

    /// <summary>DirectusSyncMaxPushRetries.</summary>
    public int MaxPushRetries { get; init; } = 20;

    /// <summary>DirectusSyncMode: mirror, merge or add.</summary>
    public string? Mode { get; init; }

    /// <summary>DirectusSyncRequestTimeout, in seconds.</summary>
    public int RequestTimeoutSeconds { get; init; } = 100;
}
