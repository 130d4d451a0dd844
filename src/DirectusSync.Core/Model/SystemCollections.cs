using DirectusSync.Core.Model.Collections;

namespace DirectusSync.Core.Model;

/// <summary>
/// The 11 tracked system collections, declared as the reference (directus-sync 3.x) tracks them. Each one is
/// declared, with what it does differently, in its own file under <c>Model/Collections/</c>; this is their list,
/// in the reference's order.
/// </summary>
public static class SystemCollections
{
    /// <summary>settings: the singleton; file and URL fields are environment-specific, so never synced.</summary>
    public static CollectionDefinition Settings => SettingsCollection.Definition;

    /// <summary>folders: ids preserved, because file fields point at folders by id.</summary>
    public static CollectionDefinition Folders => FoldersCollection.Definition;

    /// <summary>translations (custom translation strings).</summary>
    public static CollectionDefinition Translations => TranslationsCollection.Definition;

    /// <summary>flows: ids preserved, because webhook-trigger URLs contain them.</summary>
    public static CollectionDefinition Flows => FlowsCollection.Definition;

    /// <summary>operations: chained by resolve/reject; "Trigger flow" operations name a flow in their options.</summary>
    public static CollectionDefinition Operations => OperationsCollection.Definition;

    /// <summary>roles.</summary>
    public static CollectionDefinition Roles => RolesCollection.Definition;

    /// <summary>policies, with their role attachments (directus_access rows) inline as <c>roles</c>.</summary>
    public static CollectionDefinition Policies => PoliciesCollection.Definition;

    /// <summary>permissions (integer ids), keyed in files by policy, collection and action.</summary>
    public static CollectionDefinition Permissions => PermissionsCollection.Definition;

    /// <summary>dashboards (Insights).</summary>
    public static CollectionDefinition Dashboards => DashboardsCollection.Definition;

    /// <summary>panels of dashboards.</summary>
    public static CollectionDefinition Panels => PanelsCollection.Definition;

    /// <summary>presets: only global and role presets (no user's own bookmarks).</summary>
    public static CollectionDefinition Presets => PresetsCollection.Definition;

    /// <summary>All 11, in the reference's processing order (which also names files and flags).</summary>
    public static IReadOnlyList<CollectionDefinition> All { get; } =
        [Settings, Folders, Translations, Flows, Operations, Roles, Policies, Permissions, Dashboards, Panels, Presets];

    /// <summary>The valid names for --only-collections / --exclude-collections.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(c => c.Name).ToList();

    /// <summary>The valid names for --preserve-ids (besides "all" and "*").</summary>
    public static IReadOnlyList<string> PreservableNames { get; } = All.Where(c => c.MayPreserveIds).Select(c => c.Name).ToList();

    /// <summary>
    /// Whether a Directus table (<c>directus_…</c>) is keyed by an auto-increment integer: the tracked permissions, presets
    /// and settings, and the logs Directus numbers (activity, revisions, notifications). Its other tables are uuid-keyed
    /// (collections, fields and relations, which seeds never target, aside).
    /// </summary>
    public static bool HasIntegerKey(string table) =>
        All.Any(c => c.DirectusCollection == table && (c.HasIntegerIds || c.IsSingleton))
        || table is "directus_activity" or "directus_revisions" or "directus_notifications";

    /// <summary>The collection with that short name, or null.</summary>
    public static CollectionDefinition? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>The collection with that short name; an unknown name is an error that lists the valid ones.</summary>
    public static CollectionDefinition Get(string name) =>
        Find(name) ?? throw new ArgumentException(
            $"'{name}' is not a tracked collection. Valid names: {string.Join(", ", Names)}.", nameof(name));
}
