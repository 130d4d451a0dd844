namespace DirectusSync.Core.Model.Collections;

/// <summary>dashboards (Insights). No quirks: the plain rules apply.</summary>
internal static class DashboardsCollection
{
    /// <summary>The collection's declaration.</summary>
    public static CollectionDefinition Definition { get; } = new()
    {
        Name = "dashboards",
        MayPreserveIds = true,
        IgnoredFields = [.. AuditFields.Names, "panels"],
    };
}
