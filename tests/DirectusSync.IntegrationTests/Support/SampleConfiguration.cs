using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Support;

/// <summary>
/// Builds a realistic configuration on an instance through REST, with names made unique by a suffix so
/// that tests sharing one Directus do not see each other's items: two collections with a relation, a role
/// with a policy and permissions, a flow with chained operations, a dashboard with a panel, a folder, a
/// preset and a translation.
/// </summary>
public sealed class SampleConfiguration(DirectusClient client, string suffix)
{
    /// <summary>The suffix that makes this sample's names unique.</summary>
    public string Suffix { get; } = suffix;

    /// <summary>The author collection's name.</summary>
    public string Authors => $"authors_{Suffix}";

    /// <summary>The article collection's name.</summary>
    public string Articles => $"articles_{Suffix}";

    /// <summary>Ids of what was created, by kind.</summary>
    public Dictionary<string, string> Ids { get; } = new();

    /// <summary>A fresh suffix.</summary>
    public static string NewSuffix() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Creates the schema part.</summary>
    public async Task CreateSchemaAsync()
    {
        await client.PostAsync("/collections", JObject.FromObject(new
        {
            collection = Authors,
            meta = new { icon = "person", note = "Article authors" },
            schema = new { },
            fields = new object[]
            {
                new { field = "id", type = "integer", meta = new { hidden = true, @interface = "input" }, schema = new { is_primary_key = true, has_auto_increment = true } },
                new { field = "name", type = "string", meta = new { @interface = "input", required = true }, schema = new { is_nullable = false } },
            },
        }));
        await client.PostAsync("/collections", JObject.FromObject(new
        {
            collection = Articles,
            meta = new { icon = "article" },
            schema = new { },
            fields = new object[]
            {
                new { field = "id", type = "uuid", meta = new { hidden = true, @interface = "input", special = new[] { "uuid" } }, schema = new { is_primary_key = true, length = 36, has_auto_increment = false } },
                new { field = "title", type = "string", meta = new { @interface = "input" }, schema = new { max_length = 200 } },
                new { field = "status", type = "string", meta = new { @interface = "select-dropdown" }, schema = new { default_value = "draft" } },
            },
        }));
        await client.PostAsync($"/fields/{Articles}", JObject.FromObject(new
        {
            field = "author",
            type = "integer",
            meta = new { @interface = "select-dropdown-m2o", special = new[] { "m2o" } },
            schema = new { },
        }));
        await client.PostAsync("/relations", JObject.FromObject(new
        {
            collection = Articles,
            field = "author",
            related_collection = Authors,
            schema = new { on_delete = "SET NULL" },
        }));
    }

    /// <summary>Creates one or more items in every system collection (settings changed in place).</summary>
    public async Task CreateSystemItemsAsync(bool customPermissionRules = true)
    {
        var role = await client.PostAsync("/roles", JObject.FromObject(new { name = $"Editor {Suffix}", icon = "edit", description = "Edits articles" }));
        Ids["role"] = role!["id"]!.ToString();
        var policy = await client.PostAsync("/policies", JObject.FromObject(new
        {
            name = $"Editor policy {Suffix}",
            icon = "badge",
            admin_access = false,
            app_access = true,
            roles = new[] { new { role = Ids["role"], sort = 1 } },
        }));
        Ids["policy"] = policy!["id"]!.ToString();
        await client.PostAsync("/permissions", JObject.FromObject(new { policy = Ids["policy"], collection = Articles, action = "read", fields = new[] { "*" } }));
        if (customPermissionRules)
        {
            await client.PostAsync("/permissions", JObject.FromObject(new
            {
                policy = Ids["policy"],
                collection = Articles,
                action = "update",
                fields = new[] { "title", "status" },
                permissions = new { status = new { _eq = "draft" } },
            }));
        }

        var flow = await client.PostAsync("/flows", JObject.FromObject(new
        {
            name = $"Log new article {Suffix}",
            icon = "bolt",
            status = "active",
            trigger = "event",
            accountability = "all",
            options = new { type = "action", scope = new[] { "items.create" }, collections = new[] { Articles } },
        }));
        Ids["flow"] = flow!["id"]!.ToString();
        var last = await client.PostAsync("/operations", JObject.FromObject(new
        {
            flow = Ids["flow"], name = "Log it", key = "log_it", type = "log", position_x = 19, position_y = 1,
            options = new { message = "New article {{$trigger.key}}" },
        }));
        var first = await client.PostAsync("/operations", JObject.FromObject(new
        {
            flow = Ids["flow"], name = "Check status", key = "check_status", type = "condition", position_x = 37, position_y = 1,
            options = new { filter = new { trigger = new { payload = new { status = new { _eq = "published" } } } } },
            resolve = last!["id"]!.ToString(),
        }));
        Ids["operation"] = first!["id"]!.ToString();
        await client.PatchAsync($"/flows/{Ids["flow"]}", JObject.FromObject(new { operation = Ids["operation"] }));

        // A second flow whose "trigger flow" operation names the first flow in its options.
        var caller = await client.PostAsync("/flows", JObject.FromObject(new
        {
            name = $"Call logger {Suffix}", icon = "bolt", status = "inactive", trigger = "manual", accountability = "all",
            options = new { collections = new[] { Articles } },
        }));
        Ids["callerFlow"] = caller!["id"]!.ToString();
        var trigger = await client.PostAsync("/operations", JObject.FromObject(new
        {
            flow = Ids["callerFlow"], name = "Trigger logger", key = "trigger_logger", type = "trigger", position_x = 19, position_y = 1,
            options = new { flow = Ids["flow"], payload = "{{$trigger}}" },
        }));
        await client.PatchAsync($"/flows/{Ids["callerFlow"]}", JObject.FromObject(new { operation = trigger!["id"]!.ToString() }));

        var dashboard = await client.PostAsync("/dashboards", JObject.FromObject(new { name = $"Overview {Suffix}", icon = "dashboard" }));
        Ids["dashboard"] = dashboard!["id"]!.ToString();
        await client.PostAsync("/panels", JObject.FromObject(new
        {
            dashboard = Ids["dashboard"], name = "Articles", type = "metric", position_x = 1, position_y = 1, width = 10, height = 6,
            options = new { collection = Articles, function = "count", field = "id" },
        }));
        var folder = await client.PostAsync("/folders", JObject.FromObject(new { name = $"Images {Suffix}" }));
        Ids["folder"] = folder!["id"]!.ToString();
        var child = await client.PostAsync("/folders", JObject.FromObject(new { name = $"Thumbnails {Suffix}", parent = Ids["folder"] }));
        Ids["childFolder"] = child!["id"]!.ToString();
        await client.PostAsync("/presets", JObject.FromObject(new { bookmark = $"Drafts {Suffix}", collection = Articles, role = Ids["role"], layout = "tabular" }));
        await client.PostAsync("/translations", JObject.FromObject(new { key = $"greeting_{Suffix}", language = "de-DE", value = "Hallo" }));
        await client.PatchAsync("/settings", JObject.FromObject(new { project_name = $"Project {Suffix}", public_registration_role = Ids["role"], storage_default_folder = Ids["folder"] }));
    }
}
