namespace DirectusSync.Core.Model;

/// <summary>
/// The fixed sync ids of the rows every instance is born with. Mapping them by role instead of by
/// random id is what lets a dump update a fresh target's admin role, admin/public policies and settings
/// in place instead of duplicating them.
/// </summary>
public static class Placeholders
{
    /// <summary>The role of the user running the sync.</summary>
    public const string AdminRole = "_sync_default_admin_role";

    /// <summary>The admin-access policy attached to that role.</summary>
    public const string AdminPolicy = "_sync_default_admin_policy";

    /// <summary>The public policy (access row with no role and no user).</summary>
    public const string PublicPolicy = "_sync_default_public_policy";

    /// <summary>The settings singleton.</summary>
    public const string Settings = "_sync_default_settings";

    /// <summary>True for a <c>_sync_default_…</c> sync id.</summary>
    public static bool IsPlaceholder(string syncId) => syncId.StartsWith("_sync_default_", StringComparison.Ordinal);
}
