using Newtonsoft.Json.Linq;

namespace DirectusSync.MSBuild.Tests.Support;

/// <summary>
/// The shared <see cref="FakeDirectus"/> set up with just enough of Directus (with directus-extension-sync) for a
/// diff of the translations collection without the schema: the placeholder reads, the translations and their id
/// maps. It only reads (<see cref="FakeDirectus.Strict"/>): a task that tries to write gets a 405.
/// </summary>
public static class TranslationsDirectus
{
    /// <summary>A fake Directus with no translations yet.</summary>
    public static FakeDirectus Create()
    {
        var directus = new FakeDirectus { Strict = true }
            .Serve("/users/me", new JObject { ["role"] = "admin-role" })
            .Serve("/policies", new JArray())
            .Serve("/settings", new JObject { ["id"] = 1 });
        directus.Collection("/translations");
        return directus;
    }

    /// <summary>A live translation with its id map.</summary>
    public static void AddTranslation(this FakeDirectus directus, string localId, string syncId, string key, string value)
    {
        directus.Collection("/translations").Add(new JObject { ["id"] = localId, ["key"] = key, ["language"] = "en-US", ["value"] = value });
        directus.AddIdMap("translations", syncId, localId);
    }
}
