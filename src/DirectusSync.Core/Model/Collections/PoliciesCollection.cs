using DirectusSync.Core.Diff;
using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model.Collections;

/// <summary>policies, with their role attachments (directus_access rows) inline as <c>roles</c>.</summary>
/// <remarks>
/// policies: their role attachments (directus_access rows) are held inline as <c>roles</c>. Only rows with a
/// role are the push's to write; public rows and a user's rows stay as the target has them.
/// </remarks>
internal sealed class PoliciesCollection : CollectionBehavior
{
    /// <summary>The collection's declaration.</summary>
    public static CollectionDefinition Definition { get; } = new()
    {
        Name = "policies",
        MayPreserveIds = true,
        IgnoredFields = ["users", "permissions"],
        Relations = [RelationPath.Parse("roles[].role", "roles")],
        // Access rows come with id (to update them), role, user (to skip user rows) and sort; dumps keep role and sort.
        QueryAdditions = () => new JObject { ["fields"] = new JArray("*", "roles.id", "roles.role", "roles.user", "roles.sort") },
        Behavior = new PoliciesCollection(),
    };

    private const string Roles = "roles";

    /// <inheritdoc />
    public override string? AccessRowsField => Roles;

    /// <inheritdoc />
    public override void Normalize(JObject item, bool syncPolicyRoles)
    {
        if (!syncPolicyRoles)
        {
            item.Remove(Roles);
            return;
        }

        if (item[Roles] is not JArray roles)
        {
            return;
        }

        // As directus-sync 3.5.1 writes them: role, user, sort; rows attached to a single user are the target's own.
        item[Roles] = PolicyAccessRows.ToDumpForm(roles);
    }

    /// <inheritdoc />
    public override FieldComparison? CompareField(string field, JToken wanted, JToken? current, bool syncPolicyRoles)
    {
        if (field != Roles)
        {
            return null;
        }

        if (!syncPolicyRoles)
        {
            return new FieldComparison(false);
        }

        // Only the rows with a role are the push's to write; the others stay as the target has them.
        var reason = PolicyAccessRows.SameUnmanagedRows(wanted, current)
            ? null
            : "access rows without a role (public or a user's) are left as the target has them";
        return new FieldComparison(!PolicyAccessRows.SameManagedRows(wanted, current), reason);
    }

    /// <summary>
    /// Access rows without a role are sent only when the dump says they are public (3.5.1's <c>"user": null</c>):
    /// in a 3.4.1 dump such a row may have been a user's.
    /// </summary>
    public override JObject ForCreate(JObject item, bool syncPolicyRoles, ICollection<NotKeptKey> notKept)
    {
        var copy = base.ForCreate(item, syncPolicyRoles, notKept);
        if (!syncPolicyRoles || copy[Roles] is not JArray roles)
        {
            return copy;
        }

        var sent = new JArray(roles.OfType<JObject>().Where(PolicyAccessRows.MayCreate).Select(r => r.DeepClone()));
        if (sent.Count != roles.Count)
        {
            notKept.Add(new NotKeptKey(Definition.Name, item.Value<string>("_syncId")!, Roles,
                "access rows without a role and without \"user\": null (a 3.4.1 dump cannot tell a public row from a user's) are not created"));
            copy[Roles] = sent;
        }

        return copy;
    }

    /// <summary>A policy update that changes its roles, with the access rows it writes computed against the target.</summary>
    public override UpdateItem CompleteUpdate(UpdateItem update, LiveCollection live, Func<string, string, string?> plannedSyncId)
    {
        if (update.Changes[Roles] is not JArray wanted)
        {
            return update;
        }

        var access = PolicyAccessPlanner.Plan(wanted, update.LocalId is null ? null : live.FindItem(update.LocalId), id => plannedSyncId(Roles, id));
        return update with { Access = access, Reason = access.Describe() };
    }

    /// <summary>The import refuses nested access rows: an update that changes role attachments goes through REST.</summary>
    public override bool MayImport(UpdateItem update) => !update.Changes.ContainsKey(Roles) && update.Access is null;

    /// <summary>The admin policy of the sync user's role and the public policy.</summary>
    public override IEnumerable<(string SyncId, string LocalId)> DefaultRows(PlaceholderTargets targets)
    {
        if (targets.AdminPolicy is not null) yield return (Placeholders.AdminPolicy, targets.AdminPolicy);
        if (targets.PublicPolicy is not null) yield return (Placeholders.PublicPolicy, targets.PublicPolicy);
    }
}
