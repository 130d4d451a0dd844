using DirectusSync.Core.Model;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios.Support;

/// <summary>A fixture dump and the sync ids of its custom items, by collection.</summary>
/// <param name="Dump">The dump folder.</param>
/// <param name="Items">The items as created on the source.</param>
/// <param name="SyncIds">Sync id by collection (the ten custom collections).</param>
public sealed record Fixture(ScenarioDump Dump, SystemItems Items, IReadOnlyDictionary<string, string> SyncIds);

/// <summary>
/// Builds the reference's fixture folders in the test, from a real instance: <c>one-item-per-collection</c>,
/// <c>one-item-per-collection-updated</c> and <c>empty-collections</c>.
/// </summary>
public static class FixtureDumps
{
    /// <summary>
    /// <c>one-item-per-collection</c>: creates one item in each collection on <paramref name="source"/> (the
    /// shared instance), pulls it, keeps only those items and the defaults (<c>_sync_default_*</c>, settings)
    /// and empties the snapshot. Push it only to a fresh instance.
    /// </summary>
    public static async Task<Fixture> OneItemPerCollectionAsync(DirectusClient source, string path)
    {
        var items = await ScenarioItems.CreateOneInEachCollectionAsync(source, SampleConfiguration.NewSuffix());
        await new DirectusSyncEngine(source).PullAsync(new SyncOptions { DumpPath = path, Specs = false });
        var dump = new ScenarioDump(path);
        dump.EmptySnapshot();
        var syncIds = await new ServerState(source).SyncIdsAsync(items);
        var mine = syncIds.Values.ToHashSet(StringComparer.Ordinal);
        dump.Keep((collection, item) =>
        {
            var syncId = item.Value<string>("_syncId")!;
            return collection == "settings" || Placeholders.IsPlaceholder(syncId) || mine.Contains(syncId);
        });
        return new Fixture(dump, items, syncIds);
    }

    /// <summary>
    /// <c>one-item-per-collection-updated</c>: the same sync ids, every custom value changed (the permission
    /// only in <c>presets</c>; the translation in key, language and value; the defaults untouched but the
    /// settings' project name and colour).
    /// </summary>
    public static ScenarioDump Updated(Fixture fixture, string path)
    {
        var dump = fixture.Dump.CopyTo(path);
        var ids = fixture.SyncIds;
        dump.Edit("dashboards", ids["dashboards"], d => { d["name"] += " (updated)"; d["icon"] = "insights"; d["note"] = "Changed"; });
        dump.Edit("flows", ids["flows"], f => { f["name"] += " (updated)"; f["description"] = "Changed"; f["color"] = "#E35169"; });
        dump.Edit("folders", ids["folders"], f => f["name"] += " (updated)");
        dump.Edit("operations", ids["operations"], o => { o["name"] = "Log it again"; o["options"] = new JObject { ["message"] = "Changed" }; });
        dump.Edit("panels", ids["panels"], p => { p["name"] += " (updated)"; p["options"] = new JObject { ["text"] = "Changed" }; });
        dump.Edit("roles", ids["roles"], r => { r["name"] += " (updated)"; r["description"] = "Changed"; });
        dump.Edit("policies", ids["policies"], p => { p["name"] += " (updated)"; p["description"] = "Changed"; });
        dump.Edit("permissions", ids["permissions"], p => p["presets"] = new JObject { ["note"] = "Changed" });
        dump.Edit("presets", ids["presets"], p => { p["bookmark"] += " (updated)"; p["color"] = "#E35169"; });
        dump.Edit("settings", Placeholders.Settings, s => { s["project_name"] += " (updated)"; s["project_color"] = "#E35169"; });
        dump.Edit("translations", ids["translations"], t => { t["key"] += "_updated"; t["language"] = "de-DE"; t["value"] = "Hallo"; });
        return dump;
    }

    /// <summary>
    /// <c>empty-collections</c> for the same source: the defaults only, settings pointing at no role or folder.
    /// </summary>
    public static ScenarioDump DefaultsOnly(Fixture fixture, string path)
    {
        var dump = fixture.Dump.CopyTo(path);
        dump.Keep((_, item) => Placeholders.IsPlaceholder(item.Value<string>("_syncId")!));
        dump.Edit("settings", Placeholders.Settings, s =>
        {
            s["project_name"] = "Directus";
            s["public_registration_role"] = null;
            s["storage_default_folder"] = null;
        });
        return dump;
    }
}
