using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Processes;
using DirectusSync.IntegrationTests.Support;

namespace DirectusSync.IntegrationTests.Upgrade;

/// <summary>Reads a live database the way the upgrade's backup reads it.</summary>
public static class LiveDatabase
{
    /// <summary>Every table's row count: a fresh consistent copy of the database, counted (works while Directus runs).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> RowCountsAsync(DatabaseLocation location, ICommandRunner? runner = null)
    {
        using var temp = new TempFolder();
        return (await DatabaseBackups.For(location, runner ?? new ProcessCommandRunner()).BackupAsync(temp.Path)).RowCounts;
    }
}
