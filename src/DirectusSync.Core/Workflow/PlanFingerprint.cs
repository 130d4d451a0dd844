using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// A plan's structure for comparing two push passes: every operation (kind, collection, sync id and the values it
/// writes) and every schema change, order-free. Two passes with equal fingerprints mean Directus did not keep what
/// the first wrote; a fingerprint seen before means the passes go round in a cycle.
/// </summary>
public sealed class PlanFingerprint : IEquatable<PlanFingerprint>
{
    private readonly string[] _parts;

    private PlanFingerprint(string[] parts) => _parts = parts;

    /// <summary>The fingerprint of <paramref name="plan"/>.</summary>
    public static PlanFingerprint Of(SyncPlan plan)
    {
        var parts = plan.Operations.Select(Describe)
            .Concat(SchemaParts(plan.Schema))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new PlanFingerprint(parts);
    }

    /// <summary>How many steps the plan has (operations and schema changes).</summary>
    public int Count => _parts.Length;

    /// <inheritdoc />
    public bool Equals(PlanFingerprint? other) => other is not null && _parts.AsSpan().SequenceEqual(other._parts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PlanFingerprint);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var part in _parts)
        {
            hash.Add(part, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private static string Describe(PlanOperation operation) => operation switch
    {
        UpdateItem u => $"update {u.Collection} {u.SyncId} {Canonical(u.Changes)}{(u.Access is { } a ? $" access {Canonical(new JArray(a.Create, a.Update, a.Delete))}" : string.Empty)}",
        CreateItem c => $"create {c.Collection} {c.SyncId} {Canonical(c.Item)}",
        DeleteDuplicatePermission d => $"{d.Kind} {d.Collection} {d.LocalId} for {d.SyncId}",
        ReleaseOperationLink r => $"{r.Kind} {r.Collection} {r.SyncId} {r.Field} for {r.ReleasedFor}",
        _ => $"{operation.Kind} {operation.Collection} {operation.SyncId}",
    };

    // The hash changes with every write; the entries say what changes.
    private static IEnumerable<string> SchemaParts(SchemaChanges? schema) =>
        schema is null
            ? []
            : new[] { "collections", "fields", "relations" }
                .SelectMany(part => (schema.Diff[part] as JArray ?? []).Select(entry => $"schema {part} {Canonical(entry)}"));

    private static string Canonical(JToken token) => Sorted(token).ToString(Formatting.None);

    private static JToken Sorted(JToken token) => token switch
    {
        JObject o => new JObject(o.Properties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new JProperty(p.Name, Sorted(p.Value)))),
        JArray a => new JArray(a.Select(Sorted)),
        _ => token.DeepClone(),
    };
}
