namespace DirectusSync.Upgrade.Databases;

/// <summary>A SQLite database file.</summary>
/// <param name="FilePath">The file's absolute path.</param>
public sealed record SqliteDatabaseLocation(string FilePath) : DatabaseLocation
{
    /// <inheritdoc />
    public override string Describe() => $"SQLite {FilePath}";
}
