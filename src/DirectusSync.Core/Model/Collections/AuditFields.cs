namespace DirectusSync.Core.Model.Collections;

/// <summary>The audit fields Directus fills in itself; never synced.</summary>
internal static class AuditFields
{
    /// <summary>date_created and user_created.</summary>
    public static IReadOnlyList<string> Names { get; } = ["date_created", "user_created"];
}
