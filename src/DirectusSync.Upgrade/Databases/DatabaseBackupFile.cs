namespace DirectusSync.Upgrade.Databases;

/// <summary>A database copy in a backup folder.</summary>
/// <param name="FilePath">The copy's absolute path.</param>
/// <param name="Method">How it was made (e.g. "SQLite online backup API", "pg_dump --format=custom").</param>
public sealed record DatabaseBackupFile(string FilePath, string Method)
{
    /// <summary>
    /// Every table's row count in the live database at the moment of the copy (read in the same snapshot
    /// as the copy), the yardstick a restored copy is compared with; empty when unknown (an old backup).
    /// </summary>
    public IReadOnlyDictionary<string, long> RowCounts { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);
}
