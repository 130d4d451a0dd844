namespace DirectusSync.Core.Model.Collections;

/// <summary>panels of dashboards. No quirks: the plain rules apply.</summary>
internal static class PanelsCollection
{
    /// <summary>The collection's declaration.</summary>
    public static CollectionDefinition Definition { get; } = new()
    {
        Name = "panels",
        MayPreserveIds = true,
        IgnoredFields = AuditFields.Names,
        Relations = [RelationPath.Parse("dashboard", "dashboards")],
    };
}
