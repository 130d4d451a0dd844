namespace DirectusSync.Upgrade.Licensing;

/// <summary>What Directus 12 allows without a licence ("Core"), as its <c>GET /license</c> reports it.</summary>
/// <param name="Collections">Active user collections (folders, database-only tables and system collections not counted).</param>
/// <param name="ActiveFlows">Flows with status "active".</param>
/// <param name="Seats">Active users with admin or app access (the admin included).</param>
public sealed record CoreLicenceLimits(int Collections, int ActiveFlows, int Seats)
{
    /// <summary>Directus 12.4's Core limits: 25 collections, 5 active flows, 3 seats, no custom permission rules.</summary>
    public static CoreLicenceLimits Core { get; } = new(25, 5, 3);

    /// <summary>The first major version with licence limits.</summary>
    public const int FirstLicensedMajor = 12;
}
