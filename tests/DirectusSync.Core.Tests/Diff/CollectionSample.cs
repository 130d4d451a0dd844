using DirectusSync.Core.Model;

namespace DirectusSync.Core.Tests.Diff;

/// <summary>
/// One realistic item per tracked collection, without relations (so that it stands alone), with one
/// top-level field a user would change.
/// </summary>
/// <param name="Collection">The collection.</param>
/// <param name="SyncId">Its <c>_syncId</c>.</param>
/// <param name="LocalId">Its id on the target (flows and folders keep their sync id; permissions and presets are integers).</param>
/// <param name="ItemJson">The item in dump form, without <c>_syncId</c>.</param>
/// <param name="Field">The field a test changes.</param>
/// <param name="OldValue">Its value in <paramref name="ItemJson"/>.</param>
/// <param name="NewValue">The value the dump asks for instead.</param>
internal sealed record CollectionSample(string Collection, string SyncId, string LocalId, string ItemJson, string Field, string OldValue, string NewValue)
{
    private static readonly CollectionSample[] All =
    [
        new("settings", Placeholders.Settings, "1",
            "{ project_name: 'Acme', project_color: '#6644FF', default_language: 'en-US', public_registration: false, public_registration_role: null, storage_default_folder: null }",
            "project_name", "'Acme'", "'Acme Corp'"),
        new("folders", "6f0c6c3e-folder-images", "6f0c6c3e-folder-images",
            "{ name: 'Images', parent: null }",
            "name", "'Images'", "'Photos'"),
        new("translations", "sync-translation-welcome", "41f3c7a2-translation",
            "{ language: 'en-US', key: 'welcome', value: 'Welcome' }",
            "value", "'Welcome'", "'Hello'"),
        new("flows", "a1b2c3d4-flow-notify", "a1b2c3d4-flow-notify",
            "{ name: 'Notify editors', icon: 'bolt', color: null, description: null, status: 'active', trigger: 'manual', accountability: 'all', options: { collections: ['articles'] }, operation: null }",
            "status", "'active'", "'inactive'"),
        new("operations", "sync-operation-log", "0e9d8c7b-operation",
            "{ name: 'Log', key: 'log', type: 'log', position_x: 19, position_y: 1, options: { message: 'Hello', level: 'info' }, resolve: null, reject: null, flow: null }",
            "options", "{ message: 'Hello', level: 'info' }", "{ message: 'Bye' }"),
        new("roles", "sync-role-editor", "5a6b7c8d-role",
            "{ name: 'Editor', icon: 'supervised_user_circle', description: null, parent: null }",
            "description", "null", "'Writes articles'"),
        new("policies", "sync-policy-editors", "9f8e7d6c-policy",
            "{ name: 'Editors', icon: 'badge', description: null, ip_access: null, enforce_tfa: false, admin_access: false, app_access: true, roles: [] }",
            "enforce_tfa", "false", "true"),
        new("permissions", "sync-permission-articles-read", "42",
            "{ policy: null, collection: 'articles', action: 'read', permissions: {}, validation: {}, presets: null, fields: ['*'] }",
            "fields", "['*']", "['id', 'title']"),
        new("dashboards", "sync-dashboard-kpis", "3c4d5e6f-dashboard",
            "{ name: 'KPIs', icon: 'dashboard', note: null, color: null }",
            "color", "null", "'#FF0000'"),
        new("panels", "sync-panel-visits", "7a8b9c0d-panel",
            "{ dashboard: null, name: 'Visits', icon: 'insert_chart', color: null, show_header: true, note: null, type: 'metric', position_x: 1, position_y: 1, width: 8, height: 6, options: { collection: 'visits' } }",
            "width", "8", "12"),
        new("presets", "sync-preset-drafts", "17",
            "{ bookmark: 'Drafts', role: null, collection: 'articles', search: null, layout: 'tabular', layout_query: null, layout_options: null, refresh_interval: null, filter: { status: { _eq: 'draft' } }, icon: 'bookmark', color: null }",
            "filter", "{ status: { _eq: 'draft' } }", "{ status: { _eq: 'review' } }"),
    ];

    /// <summary>Every collection.</summary>
    public static TheoryData<string> Collections => new(All.Select(s => s.Collection));

    /// <summary>The collections whose items are created and deleted (all but the settings singleton).</summary>
    public static TheoryData<string> CollectionsWithItems => new(All.Where(s => !SystemCollections.Get(s.Collection).IsSingleton).Select(s => s.Collection));

    public static CollectionSample Get(string collection) => All.Single(s => s.Collection == collection);

    /// <summary>The sample with its field set to <see cref="NewValue"/>.</summary>
    public string ChangedJson()
    {
        var item = Json.Object(ItemJson);
        item[Field] = Json.Parse(NewValue);
        return Json.Compact(item);
    }
}
