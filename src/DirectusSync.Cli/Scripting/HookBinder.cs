using DirectusSync.Cli.Configuration;
using DirectusSync.Core.Model;
using DirectusSync.Core.Sync;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Scripting;

/// <summary>
/// Turns the config's <c>hooks</c> section (function markers) into the core's <see cref="SyncHooks"/> delegates,
/// each calling its JavaScript function through the <see cref="JsConfigHost"/> with JSON in and out.
/// </summary>
internal static class HookBinder
{
    /// <summary>The hooks, or empty hooks when the config has none.</summary>
    public static SyncHooks Bind(JObject? hooks, JsConfigHost? scripts)
    {
        if (hooks is null || scripts is null)
        {
            return new SyncHooks();
        }

        var collections = new Dictionary<string, CollectionHooks>(StringComparer.Ordinal);
        foreach (var name in SystemCollections.Names)
        {
            if (hooks[name] is JObject group)
            {
                collections[name] = new CollectionHooks
                {
                    OnQuery = Object(scripts, group, name, "onQuery"),
                    OnDump = Array(scripts, group, name, "onDump"),
                    OnSave = Array(scripts, group, name, "onSave"),
                    OnLoad = Array(scripts, group, name, "onLoad"),
                };
            }
        }

        var snapshot = hooks["snapshot"] as JObject;
        return new SyncHooks
        {
            Collections = collections,
            Snapshot = snapshot is null
                ? new SnapshotHooks()
                : new SnapshotHooks
                {
                    OnSave = Object(scripts, snapshot, "snapshot", "onSave"),
                    OnLoad = Object(scripts, snapshot, "snapshot", "onLoad"),
                },
        };
    }

    private static Func<JObject, CancellationToken, Task<JObject>>? Object(JsConfigHost scripts, JObject group, string owner, string hook)
    {
        if (!HookReference.TryGetId(group[hook], out var id))
        {
            return null;
        }

        return (input, _) => Task.FromResult(scripts.Invoke(id, $"{owner}.{hook}", input) as JObject
            ?? throw new ConfigFileException(scripts.FileOf(id), $"hooks.{owner}.{hook} must return an object"));
    }

    private static Func<JArray, CancellationToken, Task<JArray>>? Array(JsConfigHost scripts, JObject group, string owner, string hook)
    {
        if (!HookReference.TryGetId(group[hook], out var id))
        {
            return null;
        }

        return (input, _) => Task.FromResult(scripts.Invoke(id, $"{owner}.{hook}", input) as JArray
            ?? throw new ConfigFileException(scripts.FileOf(id), $"hooks.{owner}.{hook} must return an array of items"));
    }
}
