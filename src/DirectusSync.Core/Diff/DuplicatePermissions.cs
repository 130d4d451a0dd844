using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Diff;

/// <summary>
/// Directus does not keep permissions unique per (policy, collection, action): an untracked permission with the
/// triple of one the plan creates would become a duplicate, so the plan deletes it first (as the reference does).
/// Pure.
/// </summary>
internal static class DuplicatePermissions
{
    /// <summary>
    /// One <see cref="DeleteDuplicatePermission"/> per untracked live permission sharing the triple of one of
    /// <paramref name="creates"/>. <paramref name="policyLocalIdOf"/> resolves a policy sync id on the target (null
    /// for a policy this push creates: nothing can duplicate its permissions yet); <paramref name="tracked"/> holds
    /// the ids of the permissions the sync maps (or this plan adopts).
    /// </summary>
    public static List<DeleteDuplicatePermission> Find(
        IEnumerable<CreateItem> creates, IReadOnlyList<JObject> livePermissions, ISet<string> tracked, Func<string, string?> policyLocalIdOf)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<DeleteDuplicatePermission>();
        foreach (var create in creates)
        {
            if (create.Item["policy"] is not { Type: JTokenType.String } policy || policyLocalIdOf(policy.ToString()) is not { } policyId)
            {
                continue;
            }

            var collection = create.Item["collection"]?.ToString();
            var action = create.Item["action"]?.ToString();
            foreach (var live in livePermissions)
            {
                var id = live["id"]!.ToString();
                if (tracked.Contains(id) || claimed.Contains(id)
                    || live["policy"]?.ToString() != policyId || live["collection"]?.ToString() != collection || live["action"]?.ToString() != action)
                {
                    continue;
                }

                claimed.Add(id);
                result.Add(new DeleteDuplicatePermission(create.Collection, create.SyncId, id, collection ?? string.Empty, action ?? string.Empty, policyId,
                    $"remove duplicate permission {id} of policy {policy}: same collection and action ({collection}.{action}) as {create.SyncId}, " +
                    "which this push creates; the sync does not track it"));
            }
        }

        return result;
    }
}
