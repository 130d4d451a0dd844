namespace DirectusSync.Core.Model.Collections;

/// <summary>folders: ids preserved, because file fields point at folders by id. No quirks: the plain rules apply.</summary>
internal static class FoldersCollection
{
    /// <summary>The collection's declaration.</summary>
    public static CollectionDefinition Definition { get; } = new()
    {
        Name = "folders",
        AlwaysPreservesIds = true,
        Relations = [RelationPath.Parse("parent", "folders")],
    };
}
