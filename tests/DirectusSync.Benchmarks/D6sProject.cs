using Newtonsoft.Json.Linq;

namespace DirectusSync.Benchmarks;

/// <summary>
/// A working folder for Directus' own sync CLI (<c>d6s</c>, npm <c>@directus/cli</c>): its
/// <c>directus.config.json</c> names the instances as profiles; tokens go through
/// <c>DIRECTUS_&lt;PROFILE&gt;_TOKEN</c> and <c>CI=1</c> keeps it from prompting.
/// </summary>
public static class D6sProject
{
    /// <summary>Writes (or rewrites) the config of <paramref name="directory"/> with one profile per instance.</summary>
    public static void Configure(string directory, IReadOnlyDictionary<string, Uri> profiles)
    {
        Directory.CreateDirectory(directory);
        var config = new JObject
        {
            ["profiles"] = new JObject(profiles.Select(p => new JProperty(p.Key, new JObject
            {
                ["url"] = p.Value.ToString().TrimEnd('/'),
                ["auth"] = new JObject { ["type"] = "token" },
            }))),
        };
        File.WriteAllText(Path.Combine(directory, "directus.config.json"), config.ToString());
    }

    /// <summary>The environment a d6s run needs for these profiles.</summary>
    public static Dictionary<string, string> Environment(IEnumerable<string> profiles)
    {
        var environment = new Dictionary<string, string> { ["CI"] = "1", ["NO_COLOR"] = "1" };
        foreach (var profile in profiles)
        {
            environment[$"DIRECTUS_{profile.ToUpperInvariant()}_TOKEN"] = SandboxServer.Token;
        }

        return environment;
    }

    /// <summary>
    /// Changes every n-th record of each configuration file (a text field), as <see cref="DumpEditor"/> does
    /// for our layout, so both tools push the same share of changes.
    /// </summary>
    public static int Edit(string directory, int every, string marker)
    {
        var edited = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(directory, "directus", "default", "data"), "*.json"))
        {
            var document = JObject.Parse(File.ReadAllText(file));
            if (document["records"] is not JArray records || document.Value<string>("collection") == "directus_settings")
            {
                continue;
            }

            edited += DumpEditor.EditItems(records, every, marker);
            File.WriteAllText(file, document.ToString() + "\n");
        }

        return edited;
    }
}
