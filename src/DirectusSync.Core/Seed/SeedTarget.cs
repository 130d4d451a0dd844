using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Seed;

/// <summary>How a seeded collection looks on the target: primary key and many-to-one relations.</summary>
/// <param name="Collection">The collection.</param>
/// <param name="PrimaryKey">The primary key field.</param>
/// <param name="IntegerKey">True when the key is an integer (ids are then sent as numbers).</param>
/// <param name="Relations">The many-to-one fields, by field name.</param>
public sealed record SeedTarget(string Collection, string PrimaryKey, bool IntegerKey, IReadOnlyDictionary<string, SeedRelation> Relations)
{
    /// <summary>True when the key is a uuid (a push then draws the key of a new item that has none).</summary>
    public bool UuidKey { get; init; }

    /// <summary>A local id (as the id map stores it) as the JSON value the API expects.</summary>
    public JToken KeyValue(string localId) =>
        IntegerKey && long.TryParse(localId, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? new JValue(n)
            : new JValue(localId);

    /// <summary>
    /// Describes a seeded collection from the target's live schema snapshot. Users and files have fixed relations
    /// (role → roles; folder → folders, uploaded_by → users).
    /// </summary>
    /// <exception cref="DumpFileException">The collection does not exist on the target (named with the seed's file).</exception>
    public static SeedTarget Describe(SeedCollection seed, JObject snapshot)
    {
        switch (seed.Collection)
        {
            case SeedTables.Users:
                return new SeedTarget(seed.Collection, "id", false, new Dictionary<string, SeedRelation>
                {
                    ["role"] = new("role", "directus_roles"),
                }) { UuidKey = true };
            case SeedTables.Files:
                return new SeedTarget(seed.Collection, "id", false, new Dictionary<string, SeedRelation>
                {
                    ["folder"] = new("folder", "directus_folders"),
                    ["uploaded_by"] = new("uploaded_by", SeedTables.Users),
                }) { UuidKey = true };
        }

        var exists = (snapshot["collections"] as JArray ?? [])
            .Any(c => c.Value<string>("collection") == seed.Collection && c["schema"] is JObject);
        if (!exists)
        {
            throw new DumpFileException(seed.Files[0], $"collection \"{seed.Collection}\" does not exist on the target (create it with a schema push first)");
        }

        var fields = (snapshot["fields"] as JArray ?? []).Where(f => f.Value<string>("collection") == seed.Collection).ToList();
        var key = fields.FirstOrDefault(f => f["schema"]?["is_primary_key"]?.Type == JTokenType.Boolean && f["schema"]!.Value<bool>("is_primary_key"))
            ?? throw new DumpFileException(seed.Files[0], $"collection \"{seed.Collection}\" has no primary key on the target");
        var keyType = key.Value<string>("type");

        var relations = new Dictionary<string, SeedRelation>(StringComparer.Ordinal);
        foreach (var relation in (snapshot["relations"] as JArray ?? []).Where(r => r.Value<string>("collection") == seed.Collection))
        {
            // Many-to-any relations have no related collection: not supported (as in the reference).
            if (relation.Value<string>("related_collection") is { } related && relation.Value<string>("field") is { } field)
            {
                relations[field] = new SeedRelation(field, related);
            }
        }

        return new SeedTarget(seed.Collection, key.Value<string>("field")!, keyType is "integer" or "bigInteger", relations)
        {
            UuidKey = keyType == "uuid",
        };
    }
}
