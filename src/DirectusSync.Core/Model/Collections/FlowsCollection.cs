namespace DirectusSync.Core.Model.Collections;

/// <summary>flows: ids preserved, because webhook-trigger URLs contain them. No quirks: the plain rules apply.</summary>
internal static class FlowsCollection
{
    /// <summary>The collection's declaration.</summary>
    public static CollectionDefinition Definition { get; } = new()
    {
        Name = "flows",
        AlwaysPreservesIds = true,
        IgnoredFields = [.. AuditFields.Names, "operations"],
        Relations = [RelationPath.Parse("operation", "operations")],
    };
}
