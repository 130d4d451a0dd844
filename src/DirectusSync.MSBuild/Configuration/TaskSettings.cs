using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;

namespace DirectusSync.MSBuild.Configuration;

/// <summary>Validated settings of a run: how to reach Directus, the sync options, and the secrets to mask.</summary>
/// <param name="Client">The client options (credentials included).</param>
/// <param name="Sync">The options of pull, diff and push.</param>
/// <param name="Secrets">Every secret value in use, masked in everything the task logs.</param>
internal sealed record TaskSettings(DirectusClientOptions Client, SyncOptions Sync, IReadOnlyList<string> Secrets)
{
    /// <summary>The connection settings with where each came from (for messages); null when made without them.</summary>
    public ConnectionSettings? Connection { get; init; }
}
