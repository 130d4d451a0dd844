using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Configuration;

/// <summary>The options of a run after every layer was merged (defaults &lt; config file &lt; environment &lt; flags).</summary>
internal sealed record ResolvedConfig
{
    /// <summary>--debug.</summary>
    public bool Debug { get; init; }

    /// <summary>Where and how to connect.</summary>
    public required ConnectionSettings Connection { get; init; }

    /// <summary>The sync options (hooks, force and push mode are set by the command).</summary>
    public required SyncOptions Sync { get; init; }

    /// <summary>The merged <c>hooks</c> section (function markers), or null.</summary>
    public JObject? Hooks { get; init; }

    /// <summary>The merged values, secrets included: never print them.</summary>
    public required JObject Values { get; init; }

    /// <summary>Which layer set each top-level key last.</summary>
    public required IReadOnlyDictionary<string, string> Origins { get; init; }
}
