using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Seed;

/// <summary>Writes seed files for the tests.</summary>
public static class SeedFiles
{
    /// <summary>Writes <c>{collection, meta, data}</c> to <paramref name="path"/>.</summary>
    public static void Write(string path, string collection, JObject? meta, params JObject[] data)
    {
        var seed = new JObject { ["collection"] = collection };
        if (meta is not null)
        {
            seed["meta"] = meta;
        }

        seed["data"] = new JArray(data);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, seed.ToString(Formatting.Indented));
    }

    /// <summary>The seed-basic fixture (e2e #57) for <paramref name="schema"/>: 3 languages, 3 countries, 4 cities, 3 junction rows,
    /// in files whose names are in the reverse of the insert order.</summary>
    public static void WriteBasic(string folder, SeedSchema schema)
    {
        Write(Path.Combine(folder, "a_country_language.json"), schema.Junction, new JObject { ["insert_order"] = 4 },
            Item("cl-1", ("country", "country-fr"), ("language", "lang-fr")),
            Item("cl-2", ("country", "country-be"), ("language", "lang-fr")),
            Item("cl-3", ("country", "country-de"), ("language", "lang-de")));
        Write(Path.Combine(folder, "b_city.json"), schema.City, new JObject { ["insert_order"] = 3 },
            Item("city-paris", ("name", "Paris"), ("country", "country-fr")),
            Item("city-lyon", ("name", "Lyon"), ("country", "country-fr")),
            Item("city-brussels", ("name", "Brussels"), ("country", "country-be")),
            Item("city-berlin", ("name", "Berlin"), ("country", "country-de")));
        Write(Path.Combine(folder, "c_country.json"), schema.Country, new JObject { ["insert_order"] = 2 },
            Item("country-fr", ("name", "France")),
            Item("country-be", ("name", "Belgium")),
            Item("country-de", ("name", "Germany")));
        Write(Path.Combine(folder, "d_language.json"), schema.Language, new JObject { ["insert_order"] = 1 },
            Item("lang-fr", ("code", "fr"), ("name", "French")),
            Item("lang-de", ("code", "de"), ("name", "German")),
            Item("lang-en", ("code", "en"), ("name", "English")));
    }

    /// <summary>A data item.</summary>
    public static JObject Item(string syncId, params (string Field, object? Value)[] fields)
    {
        var item = new JObject { ["_sync_id"] = syncId };
        foreach (var (field, value) in fields)
        {
            item[field] = value is null ? JValue.CreateNull() : JToken.FromObject(value);
        }

        return item;
    }
}
