using System.Globalization;
using DirectusSync.Core.Model;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Seed;

/// <summary>
/// The id a seed item has on every instance without an id map: the key the item gives itself, its sync id with
/// <c>preserve_ids</c>, and for a uuid-keyed collection its sync id when that is a uuid, else a name-based uuid of
/// collection and sync id. The same seed gives the same ids on every runner and every fresh clone, with nothing
/// stored or committed back. New items get this id in extension mode too (instead of a random one), which is what
/// lets a project move between the modes without recreating anything.
/// </summary>
public static class SeedIdentity
{
    /// <summary>The item's id on any instance, or null when none can be derived (an integer or text key the item does not give, without preserve_ids).</summary>
    public static string? LocalIdOf(SeedTarget target, SeedMeta meta, SeedItem item)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(item);
        if (item.Fields[target.PrimaryKey] is JValue { Type: not JTokenType.Null } own)
        {
            return Convert.ToString(own.Value, CultureInfo.InvariantCulture);
        }

        if (meta.PreserveIds)
        {
            return item.SyncId;
        }

        return target.UuidKey ? UuidOf(target.Collection, item.SyncId) : null;
    }

    /// <summary>
    /// The uuid a sync id stands for in a uuid-keyed collection: itself when it is one (what pull and the extension-less
    /// sync write for existing items), else the name-based uuid of <c>seed/&lt;collection&gt;/&lt;sync id&gt;</c>.
    /// </summary>
    public static string UuidOf(string collection, string syncId) =>
        Guid.TryParse(syncId, out var uuid) ? uuid.ToString() : NameBasedUuid.Create($"seed/{collection}/{syncId}");
}
