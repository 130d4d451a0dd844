using System.CommandLine;
using DirectusSync.Cli.Configuration;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Options;

/// <summary>
/// The command line as an option layer: only flags that were given, so that an absent <c>--no-snapshot</c> does
/// not override a config file's <c>snapshot: false</c> (the reference's fix #198/#200).
/// </summary>
internal static class FlagLayer
{
    /// <summary>The layer of the given flags.</summary>
    public static OptionLayer Build(ParseResult parse, GlobalOptions global, SyncCommandOptions? sync)
    {
        var values = new JObject();
        SetTrue(values, parse, global.Debug, ConfigKeys.Debug);
        SetTrue(values, parse, global.SortJson, ConfigKeys.SortJson);
        SetText(values, parse, global.DirectusUrl, ConfigKeys.DirectusUrl);
        SetText(values, parse, global.DirectusToken, ConfigKeys.DirectusToken);
        SetText(values, parse, global.DirectusEmail, ConfigKeys.DirectusEmail);
        SetText(values, parse, global.DirectusPassword, ConfigKeys.DirectusPassword);
        if (sync is not null)
        {
            SetText(values, parse, sync.DumpPath, ConfigKeys.DumpPath);
            SetText(values, parse, sync.CollectionsPath, ConfigKeys.CollectionsPath);
            SetText(values, parse, sync.SnapshotPath, ConfigKeys.SnapshotPath);
            SetText(values, parse, sync.SpecsPath, ConfigKeys.SpecsPath);
            SetText(values, parse, sync.IdMaps, ConfigKeys.IdMaps);
            SetTrue(values, parse, sync.ClearSystemCache, ConfigKeys.ClearSystemCache);
            SetList(values, parse, sync.ExcludeCollections, ConfigKeys.ExcludeCollections);
            SetList(values, parse, sync.OnlyCollections, ConfigKeys.OnlyCollections);
            SetFalse(values, parse, sync.NoCollections, ConfigKeys.Collections);
            SetFalse(values, parse, sync.NoSyncPolicyRoles, ConfigKeys.SyncPolicyRoles);
            SetFalse(values, parse, sync.NoSnapshot, ConfigKeys.Snapshot);
            SetFalse(values, parse, sync.NoSplit, ConfigKeys.Split);
            SetFalse(values, parse, sync.NoSpecs, ConfigKeys.Specs);
            if (Given(parse, sync.PreserveIds))
            {
                var names = ListSetting.Split(parse.GetValue(sync.PreserveIds) ?? []);
                values[ConfigKeys.PreserveIds] = names.Any(n => n is "all" or "*") ? names.First(n => n is "all" or "*") : new JArray(names);
            }

            if (Given(parse, sync.MaxPushRetries))
            {
                values[ConfigKeys.MaxPushRetries] = parse.GetValue(sync.MaxPushRetries);
            }
        }

        return new OptionLayer("command line", values);
    }

    /// <summary>True when the option was typed (not absent, not a parser default).</summary>
    public static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static void SetTrue(JObject values, ParseResult parse, Option<bool> option, string key)
    {
        if (Given(parse, option) && parse.GetValue(option))
        {
            values[key] = true;
        }
    }

    private static void SetFalse(JObject values, ParseResult parse, Option<bool> option, string key)
    {
        if (Given(parse, option) && parse.GetValue(option))
        {
            values[key] = false;
        }
    }

    private static void SetText(JObject values, ParseResult parse, Option<string> option, string key)
    {
        if (Given(parse, option) && parse.GetValue(option) is { } text)
        {
            values[key] = text;
        }
    }

    private static void SetList(JObject values, ParseResult parse, Option<string[]> option, string key)
    {
        if (Given(parse, option))
        {
            values[key] = new JArray(ListSetting.Split(parse.GetValue(option) ?? []));
        }
    }
}
