using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Seed;

/// <summary>A seed item whose target item differs.</summary>
/// <param name="Item">The seed item.</param>
/// <param name="LocalId">The target item's primary key.</param>
/// <param name="Changes">The seed's value of each differing field (relations as sync ids).</param>
public sealed record SeedUpdate(SeedItem Item, string LocalId, JObject Changes);
