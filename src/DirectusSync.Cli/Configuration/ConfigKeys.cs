namespace DirectusSync.Cli.Configuration;

/// <summary>The reference's option names, as config-file keys and as keys of every option layer.</summary>
internal static class ConfigKeys
{
    public const string Extends = "extends";
    public const string Debug = "debug";
    public const string DirectusUrl = "directusUrl";
    public const string DirectusToken = "directusToken";
    public const string DirectusEmail = "directusEmail";
    public const string DirectusPassword = "directusPassword";
    public const string DirectusConfig = "directusConfig";
    public const string SortJson = "sortJson";
    public const string DumpPath = "dumpPath";
    public const string MaxPushRetries = "maxPushRetries";
    public const string CollectionsPath = "collectionsPath";
    public const string ExcludeCollections = "excludeCollections";
    public const string OnlyCollections = "onlyCollections";
    public const string Collections = "collections";
    public const string SyncPolicyRoles = "syncPolicyRoles";
    public const string PreserveIds = "preserveIds";
    public const string SnapshotPath = "snapshotPath";
    public const string Snapshot = "snapshot";
    public const string Split = "split";
    public const string SpecsPath = "specsPath";
    public const string Specs = "specs";
    public const string Hooks = "hooks";
    public const string SeedPath = "seedPath";
    public const string IdMaps = "idMaps";
    public const string ClearSystemCache = "clearSystemCache";

    /// <summary>Options the reference accepts on the command line only; a config file's value is ignored.</summary>
    public static IReadOnlySet<string> CommandLineOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "force", "prettyDiff", "keep", "interval", "timeout", "successes", "configPath",
    };

    /// <summary>Keys whose values are secrets: never printed.</summary>
    public static IReadOnlySet<string> Secrets { get; } = new HashSet<string>(StringComparer.Ordinal) { DirectusToken, DirectusPassword };
}
