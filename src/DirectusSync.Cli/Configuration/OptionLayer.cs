using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Configuration;

/// <summary>One source of option values, keyed by the reference's option names (<see cref="ConfigKeys"/>).</summary>
/// <param name="Origin">Where the values come from, for messages: "defaults", a file path, "environment", "command line".</param>
/// <param name="Values">The values it sets; absent keys leave lower layers alone.</param>
internal sealed record OptionLayer(string Origin, JObject Values)
{
    /// <summary>
    /// The connection settings this layer sets, with their sources; null to derive them from <see cref="Values"/>
    /// (the command line's flags, or a config file's keys).
    /// </summary>
    public IReadOnlyList<SettingLayer>? SettingLayers { get; init; }

    /// <summary>The reference's defaults (<c>default-config.ts</c>).</summary>
    public static OptionLayer Defaults() => new("defaults", new JObject
    {
        [ConfigKeys.Debug] = false,
        [ConfigKeys.SortJson] = false,
        [ConfigKeys.DumpPath] = "./directus-config",
        [ConfigKeys.MaxPushRetries] = 20,
        [ConfigKeys.CollectionsPath] = "collections",
        [ConfigKeys.ExcludeCollections] = new JArray(),
        [ConfigKeys.OnlyCollections] = new JArray(),
        [ConfigKeys.Collections] = true,
        [ConfigKeys.SyncPolicyRoles] = true,
        [ConfigKeys.PreserveIds] = new JArray(),
        [ConfigKeys.SnapshotPath] = "snapshot",
        [ConfigKeys.Snapshot] = true,
        [ConfigKeys.Split] = true,
        [ConfigKeys.SpecsPath] = "specs",
        [ConfigKeys.Specs] = true,
        [ConfigKeys.IdMaps] = "extension",
        [ConfigKeys.ClearSystemCache] = false,
    });

    /// <summary>The four variables the reference reads (<c>.env</c> included).</summary>
    public static OptionLayer FromEnvironment(CliEnvironment environment)
    {
        var values = new JObject();
        foreach (var (variable, key) in EnvironmentVariables)
        {
            if (environment.Get(variable) is { } value)
            {
                values[key] = value;
            }
        }

        return new OptionLayer("environment", values) { SettingLayers = environment.SettingLayers };
    }

    /// <summary>Environment variable → option key.</summary>
    public static IReadOnlyList<(string Variable, string Key)> EnvironmentVariables { get; } =
    [
        (ConnectionVariables.Url, ConfigKeys.DirectusUrl),
        (ConnectionVariables.Token, ConfigKeys.DirectusToken),
        (ConnectionVariables.Email, ConfigKeys.DirectusEmail),
        (ConnectionVariables.Password, ConfigKeys.DirectusPassword),
    ];
}
