using DirectusSync.Core.Model;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>
/// What a dump taken before the upgrade holds that a dump taken after it lacks: items by sync id, and
/// collections, fields and relations of the schema. This is how the upgrade proves that the
/// configuration is intact (or names what vanished, e.g. permissions hidden by Directus 12's Core licence).
/// </summary>
public static class ConfigurationLosses
{
    /// <summary>One line per lost element, e.g. "permissions 1f5e… (articles.update)" or "field articles.author".</summary>
    public static IReadOnlyList<string> Find(DumpLayout before, DumpLayout after, bool split)
    {
        var lost = new List<string>();
        var beforeItems = new CollectionDumpStore(before, sortKeys: false);
        var afterItems = new CollectionDumpStore(after, sortKeys: false);
        foreach (var collection in SystemCollections.Names)
        {
            if (!beforeItems.Exists(collection))
            {
                continue;
            }

            var kept = afterItems.Exists(collection)
                ? afterItems.Read(collection).OfType<JObject>().Select(SyncId).ToHashSet(StringComparer.Ordinal)
                : [];
            lost.AddRange(beforeItems.Read(collection).OfType<JObject>()
                .Where(item => !kept.Contains(SyncId(item)))
                .Select(item => $"{collection} {LogText.Escape(SyncId(item))} ({ItemLabel.Of(collection, item) ?? "?"})"));
        }

        var beforeSchema = new SnapshotStore(before, split, sortKeys: false);
        var afterSchema = new SnapshotStore(after, split, sortKeys: false);
        if (beforeSchema.Exists())
        {
            var was = beforeSchema.Read();
            var now = afterSchema.Exists() ? afterSchema.Read() : new JObject();
            lost.AddRange(Missing(was, now, "collections", c => c.Value<string>("collection")!).Select(n => $"collection {LogText.Escape(n)}"));
            lost.AddRange(Missing(was, now, "fields", f => $"{f.Value<string>("collection")}.{f.Value<string>("field")}").Select(n => $"field {LogText.Escape(n)}"));
            lost.AddRange(Missing(was, now, "relations", r => $"{r.Value<string>("collection")}.{r.Value<string>("field")}").Select(n => $"relation {LogText.Escape(n)}"));
        }

        return lost;
    }

    private static IEnumerable<string> Missing(JObject before, JObject after, string part, Func<JObject, string> key)
    {
        var kept = (after[part] as JArray ?? []).OfType<JObject>().Select(key).ToHashSet(StringComparer.Ordinal);
        return (before[part] as JArray ?? []).OfType<JObject>().Select(key).Where(k => !kept.Contains(k));
    }

    private static string SyncId(JObject item) => item.Value<string>(CollectionDumpStore.SyncIdProperty) ?? string.Empty;
}
