using DirectusSync.Core.Model;
using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Upgrade.Licensing;

/// <summary>
/// Checks a dump (and the seat holders read from the server) against the Core limits of Directus 12,
/// before anything is stopped: after an 11 → 12 migration, custom permission rules silently vanish from
/// the API, and collections, flows and users past the limits are deactivated.
/// </summary>
public static class LicenceGate
{
    /// <summary>Assesses the dump at <paramref name="dump"/>.</summary>
    /// <param name="dump">The dump's layout.</param>
    /// <param name="split">True when the snapshot is split into files (the default).</param>
    /// <param name="seatHolders">The users that take a seat.</param>
    /// <param name="limits">The limits (<see cref="CoreLicenceLimits.Core"/>).</param>
    public static LicenceAssessment Assess(DumpLayout dump, bool split, IReadOnlyList<string> seatHolders, CoreLicenceLimits limits)
    {
        var findings = new List<LicenceFinding>();
        var store = new CollectionDumpStore(dump, sortKeys: false);
        JArray Read(string collection) => store.Exists(collection) ? store.Read(collection) : [];

        var policies = Read("policies").OfType<JObject>()
            .ToDictionary(p => p.Value<string>(CollectionDumpStore.SyncIdProperty) ?? string.Empty, p => p.Value<string>("name") ?? "?", StringComparer.Ordinal);
        var restricted = Read("permissions").OfType<JObject>().Where(PermissionRules.IsRestrictedWithoutLicence).ToList();
        if (restricted.Count > 0)
        {
            findings.Add(new LicenceFinding(
                "custom_permission_rules",
                $"{restricted.Count} permission(s) with custom rules: Directus 12 without a licence hides them after the migration (the policies lose these rights).",
                restricted.Select(p =>
                    $"permissions: {p.Value<string>("collection")} {p.Value<string>("action")} of policy \"{PolicyName(p, policies)}\" ({PermissionRules.DescribeRule(p)})").ToList()));
        }

        var snapshot = new SnapshotStore(dump, split, sortKeys: false);
        if (snapshot.Exists())
        {
            var collections = (snapshot.Read()["collections"] as JArray ?? []).OfType<JObject>()
                .Where(c => c["schema"] is JObject && c["meta"] is JObject)
                .Select(c => c.Value<string>("collection")!)
                .Where(name => !name.StartsWith("directus_", StringComparison.Ordinal))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
            if (collections.Count > limits.Collections)
            {
                findings.Add(new LicenceFinding(
                    "collections",
                    $"{collections.Count} collections, Core allows {limits.Collections}: {collections.Count - limits.Collections} would be deactivated.",
                    collections.Select(c => $"collection: {c}").ToList()));
            }
        }

        var flows = Read("flows").OfType<JObject>().Where(f => f.Value<string>("status") == "active").Select(f => f.Value<string>("name") ?? "?").ToList();
        if (flows.Count > limits.ActiveFlows)
        {
            findings.Add(new LicenceFinding(
                "flows",
                $"{flows.Count} active flows, Core allows {limits.ActiveFlows}: {flows.Count - limits.ActiveFlows} would be deactivated.",
                flows.Select(f => $"flow: {f}").ToList()));
        }

        if (seatHolders.Count > limits.Seats)
        {
            findings.Add(new LicenceFinding(
                "seats",
                $"{seatHolders.Count} users with app or admin access, Core allows {limits.Seats} seats: {seatHolders.Count - limits.Seats} would be deactivated.",
                seatHolders.Select(u => $"user: {u}").ToList()));
        }

        return new LicenceAssessment(findings);
    }

    private static string PolicyName(JObject permission, IReadOnlyDictionary<string, string> policies)
    {
        var policy = permission["policy"]?.Type == JTokenType.String ? permission.Value<string>("policy")! : null;
        return policy switch
        {
            null => "(none)",
            Placeholders.PublicPolicy => "Public",
            _ => policies.GetValueOrDefault(policy, policy),
        };
    }
}
