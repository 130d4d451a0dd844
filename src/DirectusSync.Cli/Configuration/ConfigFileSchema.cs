using DirectusSync.Cli.Scripting;
using DirectusSync.Core.Model;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Configuration;

/// <summary>
/// Checks one config file's keys and value types, as the reference's zod schema does, so that a wrong value
/// is reported with its file and key. Unknown keys are ignored as there, but with a warning.
/// </summary>
internal static class ConfigFileSchema
{
    private static readonly string[] StringKeys =
    [
        ConfigKeys.DirectusUrl, ConfigKeys.DirectusToken, ConfigKeys.DirectusEmail, ConfigKeys.DirectusPassword,
        ConfigKeys.DumpPath, ConfigKeys.CollectionsPath, ConfigKeys.SnapshotPath, ConfigKeys.SpecsPath,
    ];

    private static readonly string[] BooleanKeys =
    [
        ConfigKeys.Debug, ConfigKeys.SortJson, ConfigKeys.Collections, ConfigKeys.Snapshot, ConfigKeys.Split,
        ConfigKeys.Specs, ConfigKeys.SyncPolicyRoles, ConfigKeys.ClearSystemCache,
    ];

    /// <summary>The hook names per collection.</summary>
    public static IReadOnlyList<string> CollectionHookNames { get; } = ["onQuery", "onDump", "onSave", "onLoad"];

    /// <summary>The hook names of the snapshot.</summary>
    public static IReadOnlyList<string> SnapshotHookNames { get; } = ["onSave", "onLoad"];

    /// <summary>Validates <paramref name="config"/>; returns warnings, throws <see cref="ConfigFileException"/> on errors.</summary>
    public static IReadOnlyList<string> Validate(JObject config, string filePath)
    {
        var warnings = new List<string>();
        foreach (var property in config.Properties())
        {
            var key = property.Name;
            var value = property.Value;
            if (StringKeys.Contains(key))
            {
                Require(value.Type == JTokenType.String, filePath, key, "must be a string");
            }
            else if (BooleanKeys.Contains(key))
            {
                Require(value.Type == JTokenType.Boolean, filePath, key, "must be true or false");
            }
            else if (key == ConfigKeys.IdMaps)
            {
                Require(value.Type == JTokenType.String && IdMapModeParser.TryParse(value.Value<string>(), out _), filePath, key,
                    $"must be one of {string.Join(", ", IdMapModeParser.Names)}");
            }
            else if (key == ConfigKeys.MaxPushRetries)
            {
                Require(ReadRetries(value) is >= 0, filePath, key, "must be a whole number, 0 or more (0 = unlimited)");
            }
            else if (key is ConfigKeys.ExcludeCollections or ConfigKeys.OnlyCollections)
            {
                CheckNames(value, filePath, key, SystemCollections.Names, allowAll: false);
            }
            else if (key == ConfigKeys.PreserveIds)
            {
                CheckNames(value, filePath, key, SystemCollections.PreservableNames, allowAll: true);
            }
            else if (key == ConfigKeys.Extends)
            {
                Require(value is JArray array ? array.All(e => e.Type == JTokenType.String) : value.Type == JTokenType.String,
                    filePath, key, "must be a list of file paths");
            }
            else if (key == ConfigKeys.SeedPath)
            {
                Require(value is JArray array ? array.All(e => e.Type == JTokenType.String) : value.Type == JTokenType.String,
                    filePath, key, "must be a path or a list of paths");
            }
            else if (key == ConfigKeys.Hooks)
            {
                CheckHooks(value, filePath, warnings);
            }
            else if (key == ConfigKeys.DirectusConfig)
            {
                warnings.Add($"{filePath}: {key} (Directus SDK client options) is not supported by DirectusSync and is ignored.");
            }
            else if (ConfigKeys.CommandLineOnly.Contains(key))
            {
                warnings.Add($"{filePath}: {key} is a command-line option only; the config file's value is ignored.");
            }
            else
            {
                warnings.Add($"{filePath}: unknown key '{key}' is ignored.");
            }
        }

        return warnings;
    }

    /// <summary>maxPushRetries as a number or a numeric string (the reference accepts both), or null.</summary>
    public static int? ReadRetries(JToken value) => value.Type switch
    {
        JTokenType.Integer => value.Value<long>() is >= 0 and <= int.MaxValue ? (int)value.Value<long>() : null,
        JTokenType.Float => value.Value<double>() is var d && d >= 0 && d <= int.MaxValue && d == Math.Floor(d) ? (int)d : null,
        JTokenType.String => int.TryParse(value.Value<string>(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null,
        _ => null,
    };

    private static void CheckNames(JToken value, string filePath, string key, IReadOnlyList<string> valid, bool allowAll)
    {
        if (allowAll && value.Type == JTokenType.String && value.Value<string>() is "all" or "*")
        {
            return;
        }

        Require(value is JArray array && array.All(e => e.Type == JTokenType.String), filePath, key,
            allowAll ? "must be a list of collection names, or \"all\" / \"*\"" : "must be a list of collection names");
        var unknown = value.Values<string>().Where(n => !valid.Contains(n!)).ToList();
        Require(unknown.Count == 0, filePath, key,
            $"{string.Join(", ", unknown.Select(u => $"'{u}'"))} {(unknown.Count == 1 ? "is" : "are")} not valid here. Valid names: {string.Join(", ", valid)}{(allowAll ? ", all, *" : string.Empty)}.");
    }

    private static void CheckHooks(JToken value, string filePath, List<string> warnings)
    {
        Require(value is JObject, filePath, ConfigKeys.Hooks, "must be an object: { <collection>: { onLoad, onSave, … }, snapshot: { … } }");
        foreach (var group in ((JObject)value).Properties())
        {
            var isSnapshot = group.Name == "snapshot";
            if (!isSnapshot && SystemCollections.Find(group.Name) is null)
            {
                warnings.Add($"{filePath}: hooks.{group.Name} is not a tracked collection and is ignored (hooks go under hooks.<collection>, e.g. hooks.operations, or hooks.snapshot).");
                continue;
            }

            Require(group.Value is JObject, filePath, $"hooks.{group.Name}", "must be an object of hook functions");
            var names = isSnapshot ? SnapshotHookNames : CollectionHookNames;
            foreach (var hook in ((JObject)group.Value).Properties())
            {
                if (!names.Contains(hook.Name))
                {
                    warnings.Add($"{filePath}: hooks.{group.Name}.{hook.Name} is not a hook and is ignored (valid: {string.Join(", ", names)}).");
                    continue;
                }

                Require(HookReference.TryGetId(hook.Value, out _) || hook.Value.Type is JTokenType.Null, filePath, $"hooks.{group.Name}.{hook.Name}",
                    "must be a function (hooks need a .js or .cjs config file)");
            }
        }
    }

    private static void Require(bool condition, string filePath, string key, string problem)
    {
        if (!condition)
        {
            throw new ConfigFileException(filePath, $"{key} {problem}");
        }
    }
}
