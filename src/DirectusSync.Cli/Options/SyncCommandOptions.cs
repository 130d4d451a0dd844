using System.CommandLine;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cli.Options;

/// <summary>
/// The options of pull, diff and push with the reference's names, short forms and help texts, plus this
/// tool's pipeline options (--format, --exit-code, --dry-run, --mode, --allow-deletes, --allow-schema-deletes). One instance per
/// command; each command adds the options it accepts. No option has a parser default: an absent flag leaves
/// the config file and the defaults in charge.
/// </summary>
internal sealed class SyncCommandOptions
{
    /// <summary>--dump-path.</summary>
    public Option<string> DumpPath { get; } = new("--dump-path") { Description = "the base path for the dump (default \"./directus-config\")", HelpName = "dumpPath" };

    /// <summary>--collections-path.</summary>
    public Option<string> CollectionsPath { get; } = new("--collections-path") { Description = "the path for the collections dump, relative to the dump path (default \"collections\")", HelpName = "collectionPath" };

    /// <summary>-x, --exclude-collections.</summary>
    public Option<string[]> ExcludeCollections { get; } = Csv("--exclude-collections", "-x", "comma separated list of collections to exclude from the process (default to none)", "excludeCollections");

    /// <summary>-o, --only-collections.</summary>
    public Option<string[]> OnlyCollections { get; } = Csv("--only-collections", "-o", "comma separated list of collections to include in the process (default to all)", "onlyCollections");

    /// <summary>--no-collections.</summary>
    public Option<bool> NoCollections { get; } = new("--no-collections") { Description = "should pull and push the collections (default \"true\")" };

    /// <summary>--no-sync-policy-roles.</summary>
    public Option<bool> NoSyncPolicyRoles { get; } = new("--no-sync-policy-roles") { Description = "should sync the roles attached to policies (default \"true\")" };

    /// <summary>--preserve-ids.</summary>
    public Option<string[]> PreserveIds { get; } = Csv("--preserve-ids", null,
        "comma separated list of collections that preserve their original ids (default to none). Use \"*\" or \"all\" to preserve all ids, if applicable.", "preserveIds");

    /// <summary>--snapshot-path.</summary>
    public Option<string> SnapshotPath { get; } = new("--snapshot-path") { Description = "the path for the schema snapshot dump, relative to the dump path (default \"snapshot\")", HelpName = "snapshotPath" };

    /// <summary>--no-snapshot.</summary>
    public Option<bool> NoSnapshot { get; } = new("--no-snapshot") { Description = "should pull and push the Directus schema (default \"true\")" };

    /// <summary>--no-split.</summary>
    public Option<bool> NoSplit { get; } = new("--no-split") { Description = "should split the schema snapshot into multiple files (default \"true\")" };

    /// <summary>--specs-path.</summary>
    public Option<string> SpecsPath { get; } = new("--specs-path") { Description = "the path for the specifications dump (GraphQL & OpenAPI), relative to the dump path (default \"specs\")", HelpName = "specsPath" };

    /// <summary>--no-specs.</summary>
    public Option<bool> NoSpecs { get; } = new("--no-specs") { Description = "should dump the GraphQL & OpenAPI specifications (default \"true\")" };

    /// <summary>-f, --force.</summary>
    public Option<bool> Force { get; } = new("--force", "-f") { Description = "force the diff of schema, even if the Directus version is different (default \"false\")" };

    /// <summary>--pretty-diff.</summary>
    public Option<bool> PrettyDiff { get; } = new("--pretty-diff") { Description = "display a human readable schema diff instead of the raw JSON (default \"false\")" };

    /// <summary>--show-values (diff, push).</summary>
    public Option<bool> ShowValues { get; } = new("--show-values")
    {
        Description = "show the values of changed fields in the diff (default: only which items and fields change); secret-looking values (tokens, passwords, headers, …) stay masked",
    };

    /// <summary>--max-push-retries.</summary>
    public Option<int> MaxPushRetries { get; } = new("--max-push-retries")
    {
        Description = "the number of retries for the push operation, 0 = unlimited (default \"20\")",
        HelpName = "maxPushRetries",
        Validators = { r => { if (r.GetValueOrDefault<int>() < 0) { r.AddError("--max-push-retries must be 0 (unlimited) or more."); } } },
    };

    /// <summary>--format text|json.</summary>
    public Option<string> Format { get; } = Choice("--format", "text, or json: the plan (and result) as one JSON document on stdout, human output on stderr (default \"text\")", "text", "json");

    /// <summary>--exit-code (diff).</summary>
    public Option<bool> ExitCode { get; } = new("--exit-code") { Description = $"exit with {Cli.ExitCodes.Drift} when a push would change the schema or an item, {Cli.ExitCodes.Success} otherwise (id-map housekeeping alone is not drift)" };

    /// <summary>--dry-run (push).</summary>
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "show what the push would do, and write nothing" };

    /// <summary>--mode add|merge|mirror (push).</summary>
    public Option<string> Mode { get; } = Choice("--mode", "add: create items only; merge: create and update, never delete (no item, collection, field or relation); mirror: also delete what the dump no longer has (default \"mirror\")", [.. PushModeParser.Names]);

    /// <summary>--clear-system-cache (pull, diff, push).</summary>
    public Option<bool> ClearSystemCache { get; } = new("--clear-system-cache") { Description = "clear Directus' system cache (schema, permissions) first, always; by default it is cleared only when the dump was taken from another Directus version than the server runs, or has no snapshot. Use it after changing the database beside Directus (direct SQL, another node without a shared cache) (default \"false\")" };

    /// <summary>--id-maps extension|derived|auto (pull, diff, push).</summary>
    public Option<string> IdMaps { get; } = Choice("--id-maps", "where sync ids live. extension: the table of the directus-extension-sync server extension, as directus-sync does (default \"extension\"); derived: no extension needed, sync id = the item's id (permissions and presets: from policy/role, collection and action/bookmark), and a mirror push then tracks every item of the target; auto: extension when it answers, derived otherwise", [.. IdMapModeParser.Names]);

    /// <summary>--allow-deletes (push).</summary>
    public Option<bool> AllowDeletes { get; } = new("--allow-deletes") { Description = "let a mirror push delete items beyond what the deletion guard lets through (more than 3 and more than a quarter of a collection's tracked items, more than 25 in all, or a dump foreign to the target)" };

    /// <summary>--allow-schema-deletes (push).</summary>
    public Option<bool> AllowSchemaDeletes { get; } = new("--allow-schema-deletes") { Description = "let a mirror push drop the collections (with their rows), fields and relations the dump's snapshot lacks (stopped otherwise)" };

    /// <summary>The options every sync command shares (collections and snapshot).</summary>
    public IEnumerable<Option> Shared => [DumpPath, CollectionsPath, ExcludeCollections, OnlyCollections, NoCollections, NoSyncPolicyRoles, SnapshotPath, NoSnapshot, NoSplit];

    private static Option<string[]> Csv(string name, string? alias, string description, string helpName)
    {
        var option = alias is null ? new Option<string[]>(name) : new Option<string[]>(name, alias);
        option.Description = description;
        option.HelpName = helpName;
        option.Arity = ArgumentArity.OneOrMore;
        // "--exclude-collections=roles, policies" unquoted is two shell words; both are read.
        option.AllowMultipleArgumentsPerToken = true;
        return option;
    }

    private static Option<string> Choice(string name, string description, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, HelpName = string.Join('|', values) };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
