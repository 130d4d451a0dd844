using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Diff;

/// <summary>What the dump asks for: the items of each synced collection, as in the files (after onLoad hooks).</summary>
/// <param name="Collections">By short name; every synced collection has an entry.</param>
public sealed record DesiredState(IReadOnlyDictionary<string, IReadOnlyList<JObject>> Collections);
