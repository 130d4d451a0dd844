using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Sync;

/// <summary>
/// The reference's per-collection hooks, as delegates, with its timing: <see cref="OnQuery"/> before the
/// pull's list request; <see cref="OnDump"/> after ids became sync ids, before ignored fields are dropped
/// and relations mapped; <see cref="OnSave"/> after sorting, before the file is written;
/// <see cref="OnLoad"/> after the file is read, on diff and push.
/// </summary>
public sealed record CollectionHooks
{
    /// <summary>(query) → query, pull only. The base query is <c>{limit: -1}</c>.</summary>
    public Func<JObject, CancellationToken, Task<JObject>>? OnQuery { get; init; }

    /// <summary>(items) → items, pull, before ignored fields and relations are processed.</summary>
    public Func<JArray, CancellationToken, Task<JArray>>? OnDump { get; init; }

    /// <summary>(items) → items, pull, just before writing.</summary>
    public Func<JArray, CancellationToken, Task<JArray>>? OnSave { get; init; }

    /// <summary>(items) → items, diff and push, just after reading.</summary>
    public Func<JArray, CancellationToken, Task<JArray>>? OnLoad { get; init; }
}
