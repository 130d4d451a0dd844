using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Plan;

/// <summary>
/// The <c>directus_access</c> rows a policy update writes, matched by role against the target's rows: kept rows
/// updated by their id, missing ones created, extra ones deleted. Rows without a role (public, a user's) are never
/// touched. Roles hold sync ids, resolved when the update is sent.
/// </summary>
/// <param name="Create">Rows to create: <c>{ role, user, sort }</c> as in the dump.</param>
/// <param name="Update">Rows to update: the dump's row with the target's access row <c>id</c>.</param>
/// <param name="Delete">Rows to delete: <c>{ id, role }</c> (role as a sync id when known).</param>
public sealed record PolicyAccessChanges(JArray Create, JArray Update, JArray Delete)
{
    /// <summary>In words, e.g. <c>access rows: attach role R; update role S (access row 3); detach role T (access row 4)</c>.</summary>
    public string Describe()
    {
        var parts = Create.Select(r => $"attach role {r["role"]}")
            .Concat(Update.Select(r => $"update role {r["role"]} (access row {r["id"]})"))
            .Concat(Delete.Select(r => $"detach role {r["role"]} (access row {r["id"]})"))
            .ToList();
        return parts.Count == 0 ? "access rows: none" : $"access rows: {string.Join("; ", parts)}";
    }
}
