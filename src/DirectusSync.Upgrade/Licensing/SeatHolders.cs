using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Upgrade.Licensing;

/// <summary>
/// The users Directus 12 counts as seats: active users with admin or app access, given directly or
/// through their role or one of its parent roles. Users are not in the dump, so they are read from the
/// server (before it is stopped).
/// </summary>
public static class SeatHolders
{
    /// <summary>The e-mail (or id) of every user that takes a seat.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(DirectusClient client, CancellationToken cancellationToken = default)
    {
        var items = new ItemsClient(client);
        var access = await items.ListAsync("directus_access", "fields=role,user,policy.admin_access,policy.app_access&limit=-1", cancellationToken).ConfigureAwait(false);
        var roles = await items.ListAsync("directus_roles", "fields=id,parent&limit=-1", cancellationToken).ConfigureAwait(false);
        var users = await items.ListAsync("directus_users", "fields=id,email,role,status&filter[status][_eq]=active&limit=-1", cancellationToken).ConfigureAwait(false);
        return Select(access, roles, users);
    }

    /// <summary>The seat holders among <paramref name="users"/>, from the access rows and the role tree.</summary>
    public static IReadOnlyList<string> Select(IReadOnlyList<JObject> access, IReadOnlyList<JObject> roles, IReadOnlyList<JObject> users)
    {
        static bool Grants(JObject row) =>
            row["policy"] is JObject policy && (policy.Value<bool?>("admin_access") == true || policy.Value<bool?>("app_access") == true);

        var seatRoles = access.Where(Grants).Select(r => r["role"]?.Type == JTokenType.String ? r.Value<string>("role") : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        var seatUsers = access.Where(Grants).Select(r => r["user"]?.Type == JTokenType.String ? r.Value<string>("user") : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);

        // A role's users also get the policies of its parent roles.
        var parents = roles.Where(r => r["parent"]?.Type == JTokenType.String)
            .ToDictionary(r => r.Value<string>("id")!, r => r.Value<string>("parent")!, StringComparer.Ordinal);
        bool InSeatRole(string? role)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = role; current is not null && seen.Add(current); current = parents.GetValueOrDefault(current))
            {
                if (seatRoles.Contains(current))
                {
                    return true;
                }
            }

            return false;
        }

        return users
            .Where(u => u.Value<string>("status") == "active")
            .Where(u => seatUsers.Contains(u.Value<string>("id")!) || InSeatRole(u["role"]?.Type == JTokenType.String ? u.Value<string>("role") : null))
            .Select(u => u.Value<string>("email") ?? u.Value<string>("id")!)
            .OrderBy(e => e, StringComparer.Ordinal)
            .ToList();
    }
}
