using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Seed;

/// <summary>
/// The schema of the reference's <c>seed-basic</c> fixture, made by REST with unique names: <c>language</c> (string key
/// <c>code</c>), <c>country</c> (integer key), <c>city</c> (uuid key, m2o country) and the junction
/// <c>country_language</c>. Disposing drops the collections again.
/// </summary>
public sealed class SeedSchema : IAsyncDisposable
{
    private readonly DirectusClient _client;

    private SeedSchema(DirectusClient client, string suffix)
    {
        _client = client;
        Language = $"language_{suffix}";
        Country = $"country_{suffix}";
        City = $"city_{suffix}";
        Junction = $"country_language_{suffix}";
    }

    /// <summary>The collection with a string key <c>code</c>.</summary>
    public string Language { get; }

    /// <summary>The collection with an auto-increment integer key.</summary>
    public string Country { get; }

    /// <summary>The collection with a uuid key and an m2o <c>country</c>.</summary>
    public string City { get; }

    /// <summary>The junction country ↔ language.</summary>
    public string Junction { get; }

    /// <summary>Creates the four collections and their relations.</summary>
    public static async Task<SeedSchema> CreateAsync(DirectusClient client)
    {
        var schema = new SeedSchema(client, SampleConfiguration.NewSuffix().ToLowerInvariant().Replace('-', '_'));
        await schema.CollectionAsync(schema.Language, Field("code", "string", new JObject { ["is_primary_key"] = true, ["length"] = 255 }), Field("name", "string"));
        await schema.CollectionAsync(schema.Country, IntegerKey(), Field("name", "string"));
        await schema.CollectionAsync(schema.City,
            Field("id", "uuid", new JObject { ["is_primary_key"] = true }, new JObject { ["special"] = new JArray("uuid") }),
            Field("name", "string"), Field("country", "integer"));
        await schema.CollectionAsync(schema.Junction, IntegerKey(), Field("country", "integer"), Field("language", "string"));
        await schema.RelationAsync(schema.City, "country", schema.Country);
        await schema.RelationAsync(schema.Junction, "country", schema.Country);
        await schema.RelationAsync(schema.Junction, "language", schema.Language);
        return schema;
    }

    /// <summary>Every item of a collection.</summary>
    public async Task<JArray> ItemsAsync(string collection) =>
        (JArray)(await _client.GetAsync($"/items/{collection}?limit=-1{(collection == Junction ? string.Empty : collection == Language ? "&sort=code" : "&sort=name")}"))!;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var collection in new[] { Junction, City, Country, Language })
        {
            try
            {
                await _client.DeleteAsync($"/collections/{collection}");
            }
            catch (DirectusApiException)
            {
                // Best effort: the names are unique, so a leftover disturbs no other test.
            }
        }
    }

    private Task CollectionAsync(string name, params JObject[] fields) =>
        _client.PostAsync("/collections", new JObject
        {
            ["collection"] = name,
            ["meta"] = new JObject(),
            ["schema"] = new JObject(),
            ["fields"] = new JArray(fields),
        });

    private Task RelationAsync(string collection, string field, string related) =>
        _client.PostAsync("/relations", new JObject
        {
            ["collection"] = collection,
            ["field"] = field,
            ["related_collection"] = related,
            ["schema"] = new JObject { ["on_delete"] = "SET NULL" },
        });

    private static JObject IntegerKey() =>
        Field("id", "integer", new JObject { ["is_primary_key"] = true, ["has_auto_increment"] = true });

    private static JObject Field(string name, string type, JObject? schema = null, JObject? meta = null) => new()
    {
        ["field"] = name,
        ["type"] = type,
        ["schema"] = schema ?? new JObject(),
        ["meta"] = meta ?? new JObject(),
    };
}
