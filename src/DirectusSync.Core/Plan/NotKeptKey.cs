namespace DirectusSync.Core.Plan;

/// <summary>
/// A key of a dump item that the target does not keep (a field this Directus does not have, a newer or older
/// dump format, a hand edit), or keeps its own way. The differ leaves it out of the comparison: writing it
/// again would change nothing, and a push would report a difference it can never remove.
/// </summary>
/// <param name="Collection">The collection (its dump file is <c>&lt;collection&gt;.json</c>).</param>
/// <param name="SyncId">The item's sync id.</param>
/// <param name="Key">The top-level key.</param>
/// <param name="Reason">Why it is left out, in words.</param>
public sealed record NotKeptKey(string Collection, string SyncId, string Key, string Reason);
