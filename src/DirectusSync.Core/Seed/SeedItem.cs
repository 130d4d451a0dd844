using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Seed;

/// <summary>One element of a seed's <c>data</c>.</summary>
/// <param name="SyncId">The item's <c>_sync_id</c>.</param>
/// <param name="Fields">The item's fields, without <c>_sync_id</c> and <c>_file_path</c>.</param>
/// <param name="FilePath">The absolute path of the file to upload (<c>_file_path</c>, resolved against the seed file), or null.</param>
/// <param name="SourceFile">The seed file the item comes from.</param>
public sealed record SeedItem(string SyncId, JObject Fields, string? FilePath, string SourceFile);
