using DirectusSync.Core.Model;

namespace DirectusSync.Core.Seed;

/// <summary>What <see cref="SeedEngine"/> pushes and how.</summary>
public sealed record SeedOptions
{
    /// <summary>The reference's default seed path (independent of the dump path).</summary>
    public const string DefaultSeedPath = "./directus-config/seed";

    /// <summary>Folders (every .json under them) and .json files, in load order.</summary>
    public IReadOnlyList<string> SeedPaths { get; init; } = [DefaultSeedPath];

    /// <summary>
    /// The most create passes a push may take (0 = unlimited). Items are created in many-to-one dependency order,
    /// one pass per dependency level, so this bounds the depth of chains of new items.
    /// </summary>
    public int MaxPushRetries { get; init; } = 20;

    /// <summary>
    /// Log the values of the fields a seed push would set (false: only the names of the items' fields). Values
    /// under secret-looking keys (a user's password, a token, …) stay masked either way.
    /// </summary>
    public bool ShowValues { get; init; }

    /// <summary>
    /// Let the push delete seed items beyond what the deletion guard lets through (the same rule as a sync push:
    /// a few deletions per collection pass; an emptied seed file or a mass deletion needs this consent).
    /// </summary>
    public bool AllowDeletes { get; init; }

    /// <summary>
    /// Plan and check everything a push does (the deletion guard included, reported instead of thrown) and write
    /// nothing: <see cref="SeedEngine.PushAsync"/> returns the plan it would send.
    /// </summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Where seed items are matched to target items: directus-extension-sync's tables (as the reference), or without it
    /// by the id each item is created with (<see cref="SeedIdentity"/>), or the extension when it answers.
    /// </summary>
    public IdMapMode IdMaps { get; init; } = IdMapMode.Extension;
}
