using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Sync;

/// <summary>The reference's snapshot hooks: <see cref="OnSave"/> before a pulled snapshot is written, <see cref="OnLoad"/> after a dump's snapshot is read.</summary>
public sealed record SnapshotHooks
{
    /// <summary>(snapshot) → snapshot, pull.</summary>
    public Func<JObject, CancellationToken, Task<JObject>>? OnSave { get; init; }

    /// <summary>(snapshot) → snapshot, diff and push, before Directus computes the schema diff.</summary>
    public Func<JObject, CancellationToken, Task<JObject>>? OnLoad { get; init; }
}
