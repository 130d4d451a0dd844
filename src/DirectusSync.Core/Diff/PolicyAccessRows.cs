using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Diff;

/// <summary>
/// A policy's <c>roles</c>: the <c>directus_access</c> rows that attach it, written in dumps as
/// <c>{ "role", "user", "sort" }</c> (directus-sync 3.5.1) or <c>{ "role", "sort" }</c> (3.4.1 and earlier).
/// </summary>
/// <remarks>
/// A push manages the rows with a role: it creates, re-sorts and deletes them. Rows without a role are the
/// public attachment (<c>user</c> null) or one user's (<c>user</c> set); those belong to the target and are
/// never touched by an update, so comparing them would report a difference no push can remove. A 3.4.1 dump
/// cannot tell the two apart (it has no <c>user</c> key), a 3.5.1 dump can.
/// </remarks>
public static class PolicyAccessRows
{
    /// <summary>
    /// The rows as 3.5.1 pulls them: rows attached to a single user left out, each row <c>role, user, sort</c>.
    /// </summary>
    public static JArray ToDumpForm(JArray rows)
    {
        var kept = new JArray();
        foreach (var row in rows.OfType<JObject>())
        {
            if (IsNull(row["role"]) && !IsNull(row["user"]))
            {
                continue;
            }

            kept.Add(new JObject
            {
                ["role"] = row["role"]?.DeepClone() ?? JValue.CreateNull(),
                ["user"] = row["user"]?.DeepClone() ?? JValue.CreateNull(),
                ["sort"] = row["sort"]?.DeepClone() ?? JValue.CreateNull(),
            });
        }

        return kept;
    }

    /// <summary>
    /// True when the rows a push manages (those with a role) are the same on both sides, whatever the order
    /// and whether the dump spells out <c>user</c>.
    /// </summary>
    public static bool SameManagedRows(JToken? wanted, JToken? current) =>
        Canonical(wanted, managed: true).SequenceEqual(Canonical(current, managed: true), StringComparer.Ordinal);

    /// <summary>True when the rows without a role (public or user attachments) are the same on both sides.</summary>
    public static bool SameUnmanagedRows(JToken? wanted, JToken? current) =>
        Canonical(wanted, managed: false).SequenceEqual(Canonical(current, managed: false), StringComparer.Ordinal);

    /// <summary>
    /// True when a row may be sent with a new policy: a role row, or a public row the dump says is public
    /// (<c>user</c> present and null, 3.5.1). A 3.4.1 row without a role may have been a user's row on the
    /// source (3.4.1 dumped those too): creating it would open the policy to the public.
    /// </summary>
    public static bool MayCreate(JObject row) =>
        !IsNull(row["role"]) || (row.TryGetValue("user", out var user) && user.Type == JTokenType.Null);

    private static IEnumerable<string> Canonical(JToken? rows, bool managed) =>
        ((rows as JArray)?.OfType<JObject>() ?? [])
        .Where(r => IsNull(r["role"]) != managed)
        .Where(r => managed || IsNull(r["user"]))
        .Select(r => new JArray(r["role"]?.DeepClone() ?? JValue.CreateNull(), r["user"]?.DeepClone() ?? JValue.CreateNull(), r["sort"]?.DeepClone() ?? JValue.CreateNull())
            .ToString(Newtonsoft.Json.Formatting.None))
        .Order(StringComparer.Ordinal);

    private static bool IsNull(JToken? token) => token is null || token.Type == JTokenType.Null;
}
