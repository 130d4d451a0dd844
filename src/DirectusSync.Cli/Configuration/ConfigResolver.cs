using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Configuration;

/// <summary>
/// Merges option layers with the reference's deepmerge rules (arrays concatenate across layers, so
/// <c>-x roles</c> adds to a file's <c>excludeCollections</c>) and maps the result 1:1 onto <see cref="SyncOptions"/>.
/// </summary>
internal static class ConfigResolver
{
    /// <summary>Resolves <paramref name="layers"/>, lowest precedence first.</summary>
    public static ResolvedConfig Resolve(IReadOnlyList<OptionLayer> layers)
    {
        var merged = new JObject();
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            merged = ConfigMerger.Merge(merged, layer.Values);
            foreach (var property in layer.Values.Properties())
            {
                origins[property.Name] = layer.Origin;
            }
        }

        string? Text(string key) => merged[key] is JValue { Type: JTokenType.String } v && v.Value<string>() is { Length: > 0 } s ? s : null;
        string Path(string key) => Text(key) ?? throw Invalid(key, origins, "must be a non-empty path");
        bool Flag(string key) => merged[key] is JValue { Type: JTokenType.Boolean } v ? v.Value<bool>() : throw Invalid(key, origins, "must be true or false");
        IReadOnlyList<string> Names(string key) => merged[key] switch
        {
            null or { Type: JTokenType.Null } => [],
            JArray array => array.Select(e => e.ToString()).Distinct(StringComparer.Ordinal).ToList(),
            _ => throw Invalid(key, origins, "must be a list of collection names"),
        };

        var preserveIds = merged[ConfigKeys.PreserveIds] switch
        {
            JValue { Type: JTokenType.String } all => (IReadOnlyList<string>)[all.Value<string>()!],
            _ => Names(ConfigKeys.PreserveIds),
        };
        var retries = merged[ConfigKeys.MaxPushRetries] is { } r ? ConfigFileSchema.ReadRetries(r) : 20;

        var sync = new SyncOptions
        {
            DumpPath = Path(ConfigKeys.DumpPath),
            CollectionsPath = Path(ConfigKeys.CollectionsPath),
            SnapshotPath = Path(ConfigKeys.SnapshotPath),
            SpecsPath = Path(ConfigKeys.SpecsPath),
            OnlyCollections = Names(ConfigKeys.OnlyCollections),
            ExcludeCollections = Names(ConfigKeys.ExcludeCollections),
            Collections = Flag(ConfigKeys.Collections),
            Snapshot = Flag(ConfigKeys.Snapshot),
            Split = Flag(ConfigKeys.Split),
            Specs = Flag(ConfigKeys.Specs),
            SyncPolicyRoles = Flag(ConfigKeys.SyncPolicyRoles),
            PreserveIds = preserveIds,
            MaxPushRetries = retries ?? throw Invalid(ConfigKeys.MaxPushRetries, origins, "must be a whole number, 0 or more (0 = unlimited)"),
            SortJson = Flag(ConfigKeys.SortJson),
            ClearSystemCache = Flag(ConfigKeys.ClearSystemCache),
            IdMaps = IdMapModeParser.TryParse(Text(ConfigKeys.IdMaps), out var idMaps)
                ? idMaps
                : throw Invalid(ConfigKeys.IdMaps, origins, $"must be one of {string.Join(", ", IdMapModeParser.Names)}"),
        };

        var connection = ConnectionSettingsResolver.Resolve(layers.SelectMany(ConnectionLayers));

        return new ResolvedConfig
        {
            Debug = Flag(ConfigKeys.Debug),
            Connection = connection,
            Sync = sync,
            Hooks = merged[ConfigKeys.Hooks] as JObject,
            Values = merged,
            Origins = origins,
        };
    }

    /// <summary>The connection settings of <paramref name="layer"/>, named as the user wrote them: a flag or a file key.</summary>
    private static IEnumerable<SettingLayer> ConnectionLayers(OptionLayer layer)
    {
        if (layer.SettingLayers is { } given)
        {
            return given;
        }

        var (source, location) = layer.Origin switch
        {
            "defaults" => (SettingSource.Default, null),
            "command line" => (SettingSource.Explicit, null),
            _ => (SettingSource.ConfigFile, layer.Origin),
        };
        var settings = SettingLayer.Of(source, location);
        foreach (var (setting, key) in ConnectionKeys)
        {
            if (layer.Values[key] is JValue { Type: JTokenType.String } value)
            {
                settings = settings.With(setting, source == SettingSource.Explicit ? Flags[key] : key, value.Value<string>());
            }
        }

        return [settings];
    }

    private static readonly (ConnectionSettingName Setting, string Key)[] ConnectionKeys =
    [
        (ConnectionSettingName.Url, ConfigKeys.DirectusUrl),
        (ConnectionSettingName.Token, ConfigKeys.DirectusToken),
        (ConnectionSettingName.Email, ConfigKeys.DirectusEmail),
        (ConnectionSettingName.Password, ConfigKeys.DirectusPassword),
    ];

    /// <summary>Where a key's value came from, as the user would name it: a flag, a variable or a file key.</summary>
    private static string Origin(IReadOnlyDictionary<string, string> origins, string key)
    {
        if (!origins.TryGetValue(key, out var origin))
        {
            return "nowhere";
        }

        return origin switch
        {
            "environment" => OptionLayer.EnvironmentVariables.FirstOrDefault(e => e.Key == key).Variable ?? origin,
            "command line" => Flags.TryGetValue(key, out var flag) ? flag : origin,
            "defaults" => "the defaults",
            _ => $"{key} in {origin}",
        };
    }

    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        [ConfigKeys.DirectusUrl] = "--directus-url",
        [ConfigKeys.DirectusToken] = "--directus-token",
        [ConfigKeys.DirectusEmail] = "--directus-email",
        [ConfigKeys.DirectusPassword] = "--directus-password",
        [ConfigKeys.DumpPath] = "--dump-path",
        [ConfigKeys.CollectionsPath] = "--collections-path",
        [ConfigKeys.SnapshotPath] = "--snapshot-path",
        [ConfigKeys.SpecsPath] = "--specs-path",
        [ConfigKeys.IdMaps] = "--id-maps",
        [ConfigKeys.MaxPushRetries] = "--max-push-retries",
        [ConfigKeys.PreserveIds] = "--preserve-ids",
    };

    private static SyncOptionsException Invalid(string key, IReadOnlyDictionary<string, string> origins, string problem) =>
        new(key, $"{key} (from {Origin(origins, key)}) {problem}.");
}
