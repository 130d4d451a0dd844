namespace DirectusSync.Core.Seed;

/// <summary>A many-to-one field of a seeded collection: its values are sync ids of the related collection.</summary>
/// <param name="Field">The field.</param>
/// <param name="RelatedCollection">The collection it points at.</param>
public sealed record SeedRelation(string Field, string RelatedCollection)
{
    /// <summary>The related collection's id-map table.</summary>
    public string IdMapTable => SeedTables.IdMapTable(RelatedCollection);
}
