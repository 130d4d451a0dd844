using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Diff;

/// <summary>
/// The access rows a policy update writes. The dump lists a policy's roles; Directus stores them as
/// <c>directus_access</c> rows. Rows are matched by role: kept rows are updated by id, missing ones created,
/// extra ones deleted. The public row (no role) and user rows are never touched. Pure.
/// </summary>
internal static class PolicyAccessPlanner
{
    /// <summary>
    /// The changes that turn <paramref name="livePolicy"/>'s rows (null for a policy this push creates) into
    /// <paramref name="wanted"/> (the dump's rows, roles as sync ids). <paramref name="roleSyncIdOf"/> gives the sync
    /// id of a role's id on the target.
    /// </summary>
    public static PolicyAccessChanges Plan(JArray wanted, JObject? livePolicy, Func<string, string?> roleSyncIdOf)
    {
        var current = ((livePolicy?["roles"] as JArray)?.OfType<JObject>() ?? [])
            .Where(a => a["role"] is { Type: not JTokenType.Null })
            .GroupBy(a => roleSyncIdOf(a["role"]!.ToString()) ?? $"(untracked role {a["role"]})")
            .ToDictionary(g => g.Key, g => g.First()["id"]!, StringComparer.Ordinal);
        var create = new JArray();
        var update = new JArray();
        foreach (var row in wanted.OfType<JObject>())
        {
            if (row["role"] is not { Type: not JTokenType.Null } role)
            {
                continue;
            }

            if (current.TryGetValue(role.ToString(), out var accessId))
            {
                var changed = (JObject)row.DeepClone();
                changed["id"] = accessId.DeepClone();
                update.Add(changed);
            }
            else
            {
                create.Add(row.DeepClone());
            }
        }

        var keep = wanted.OfType<JObject>().Select(r => r["role"]?.ToString()).ToHashSet();
        var delete = new JArray(current.Where(c => !keep.Contains(c.Key)).Select(c => new JObject { ["id"] = c.Value.DeepClone(), ["role"] = c.Key }));
        return new PolicyAccessChanges(create, update, delete);
    }
}
