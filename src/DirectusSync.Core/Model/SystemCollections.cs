using DirectusSync.Core.Model.Collections;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model;

/// <summary>The 11 tracked system collections, declared as the reference (directus-sync 3.x) tracks them.</summary>
public static class SystemCollections
{
    private static readonly string[] Audit = ["date_created", "user_created"];

    /// <summary>settings: the singleton; file and URL fields are environment-specific, so never synced.</summary>
    public static CollectionDefinition Settings { get; } = new()
    {
        Name = "settings",
        Behavior = new SettingsBehavior(),
        IsSingleton = true,
        IgnoredFields = ["project_logo", "public_foreground", "public_background", "public_favicon", "project_url", "project_id"],
        Relations = [RelationPath.Parse("public_registration_role", "roles"), RelationPath.Parse("storage_default_folder", "folders")],
    };

    /// <summary>folders: ids preserved, because file fields point at folders by id.</summary>
    public static CollectionDefinition Folders { get; } = new()
    {
        Name = "folders",
        AlwaysPreservesIds = true,
        Relations = [RelationPath.Parse("parent", "folders")],
    };

    /// <summary>translations (custom translation strings).</summary>
    public static CollectionDefinition Translations { get; } = new()
    {
        Name = "translations",
        MayPreserveIds = true,
        Behavior = new TranslationsBehavior(),
    };

    /// <summary>flows: ids preserved, because webhook-trigger URLs contain them.</summary>
    public static CollectionDefinition Flows { get; } = new()
    {
        Name = "flows",
        AlwaysPreservesIds = true,
        IgnoredFields = [.. Audit, "operations"],
        Relations = [RelationPath.Parse("operation", "operations")],
    };

    /// <summary>operations: chained by resolve/reject; "Trigger flow" operations name a flow in their options.</summary>
    public static CollectionDefinition Operations { get; } = new()
    {
        Name = "operations",
        Behavior = new OperationsBehavior(),
        MayPreserveIds = true,
        Order = ItemOrder.ByKey,
        IgnoredFields = Audit,
        Relations =
        [
            RelationPath.Parse("flow", "flows"),
            RelationPath.Parse("resolve", "operations"),
            RelationPath.Parse("reject", "operations"),
            RelationPath.Parse("options.flow", "flows"),
        ],
    };

    /// <summary>roles.</summary>
    public static CollectionDefinition Roles { get; } = new()
    {
        Name = "roles",
        Behavior = new RolesBehavior(),
        MayPreserveIds = true,
        IgnoredFields = ["users", "children", "policies"],
        Relations = [RelationPath.Parse("parent", "roles")],
    };

    /// <summary>policies, with their role attachments (directus_access rows) inline as <c>roles</c>.</summary>
    public static CollectionDefinition Policies { get; } = new()
    {
        Name = "policies",
        Behavior = new PoliciesBehavior(),
        MayPreserveIds = true,
        IgnoredFields = ["users", "permissions"],
        Relations = [RelationPath.Parse("roles[].role", "roles")],
        // Access rows come with id (to update them), role, user (to skip user rows) and sort; dumps keep role and sort.
        QueryAdditions = () => new JObject { ["fields"] = new JArray("*", "roles.id", "roles.role", "roles.user", "roles.sort") },
    };

    /// <summary>permissions (integer ids), keyed in files by policy, collection and action.</summary>
    public static CollectionDefinition Permissions { get; } = new()
    {
        Name = "permissions",
        Behavior = new PermissionsBehavior(),
        HasIntegerIds = true,
        Order = ItemOrder.ByPolicyCollectionAction,
        Relations = [RelationPath.Parse("policy", "policies")],
    };

    /// <summary>dashboards (Insights).</summary>
    public static CollectionDefinition Dashboards { get; } = new()
    {
        Name = "dashboards",
        MayPreserveIds = true,
        IgnoredFields = [.. Audit, "panels"],
    };

    /// <summary>panels of dashboards.</summary>
    public static CollectionDefinition Panels { get; } = new()
    {
        Name = "panels",
        MayPreserveIds = true,
        IgnoredFields = Audit,
        Relations = [RelationPath.Parse("dashboard", "dashboards")],
    };

    /// <summary>presets: only global and role presets (no user's own bookmarks).</summary>
    public static CollectionDefinition Presets { get; } = new()
    {
        Name = "presets",
        Behavior = new PresetsBehavior(),
        HasIntegerIds = true,
        IgnoredFields = ["user"],
        Relations = [RelationPath.Parse("role", "roles")],
        QueryAdditions = () => new JObject { ["filter"] = new JObject { ["user"] = new JObject { ["_null"] = true } } },
    };

    /// <summary>All 11, in the reference's processing order (which also names files and flags).</summary>
    public static IReadOnlyList<CollectionDefinition> All { get; } =
        [Settings, Folders, Translations, Flows, Operations, Roles, Policies, Permissions, Dashboards, Panels, Presets];

    /// <summary>The valid names for --only-collections / --exclude-collections.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(c => c.Name).ToList();

    /// <summary>The collection with that short name, or null.</summary>
    public static CollectionDefinition? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>The collection with that short name; an unknown name is an error that lists the valid ones.</summary>
    public static CollectionDefinition Get(string name) =>
        Find(name) ?? throw new ArgumentException(
            $"'{name}' is not a tracked collection. Valid names: {string.Join(", ", Names)}.", nameof(name));
}
