namespace DirectusSync.Core.Seed;

/// <summary>Which collections seeds may fill, and the id-map table of each collection (as the reference names them).</summary>
public static class SeedTables
{
    /// <summary>Directus' users.</summary>
    public const string Users = "directus_users";

    /// <summary>Directus' files.</summary>
    public const string Files = "directus_files";

    /// <summary>True for a custom collection, <c>directus_users</c> or <c>directus_files</c>.</summary>
    public static bool IsSeedable(string collection) =>
        !collection.StartsWith("directus_", StringComparison.Ordinal) || collection is Users or Files;

    /// <summary>
    /// The id-map table of a collection: <c>items::&lt;name&gt;</c> for a custom one, the short name
    /// (<c>users</c>, <c>files</c>, <c>roles</c>, <c>folders</c>…) for a system one.
    /// </summary>
    public static string IdMapTable(string collection) =>
        collection.StartsWith("directus_", StringComparison.Ordinal) ? collection["directus_".Length..] : $"items::{collection}";
}
