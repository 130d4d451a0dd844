using DirectusSync.Cli.Scripting;
using DirectusSync.Core.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Configuration;

/// <summary>
/// Finds and loads the config file as the reference does: <c>--config-path</c>, else the first of
/// <c>directus-sync.config.js</c>, <c>.cjs</c>, <c>.json</c> in the working directory; <c>extends</c> parents are
/// merged under the child (earlier parents win over later ones; loops are cut; missing parents are skipped).
/// JavaScript files run in <see cref="JsConfigHost"/>, created only when one is met.
/// </summary>
internal sealed class ConfigFileLoader(CliEnvironment environment, ISyncLog log, CancellationToken cancellationToken)
{
    /// <summary>
    /// Set (1/true) where the checkout is not trusted, e.g. a CI drift job on a pull request: a JavaScript config
    /// would run the pull request's code in a process that holds the instance's token (process.env, console).
    /// </summary>
    public const string NoJsConfigVariable = "DIRECTUS_SYNC_NO_JS_CONFIG";

    /// <summary>The default file names, in the order they are tried.</summary>
    public static IReadOnlyList<string> DefaultFileNames { get; } =
        ["directus-sync.config.js", "directus-sync.config.cjs", "directus-sync.config.json"];

    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);
    private JsConfigHost? _scripts;

    /// <summary>
    /// Loads the config, or returns null when there is none. An explicit <paramref name="configPath"/> that does
    /// not exist is an error (the reference silently falls back to the defaults, which hides typos).
    /// </summary>
    public LoadedConfig? Load(string? configPath)
    {
        if (configPath is not null)
        {
            var explicitPath = Path.GetFullPath(configPath, environment.WorkingDirectory);
            if (!File.Exists(explicitPath))
            {
                throw new ConfigFileException(explicitPath, "the file given by --config-path does not exist");
            }

            return Loaded(explicitPath);
        }

        var candidates = DefaultFileNames.Select(name => Path.Combine(environment.WorkingDirectory, name)).ToList();
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            log.Info("config", $"No config file found. Tried path: \n- {string.Join("\n- ", candidates)}");
            return null;
        }

        return Loaded(found);
    }

    private LoadedConfig Loaded(string path)
    {
        var values = LoadWithParents(path) ?? new JObject();
        log.Info("config", $"Loaded config file from {path}");
        return new LoadedConfig(path, values, _scripts);
    }

    private JObject? LoadWithParents(string path)
    {
        if (!_loaded.Add(path))
        {
            log.Debug("config", $"{path} is already loaded (extended twice, or a loop): skipped.");
            return null;
        }

        var config = Read(path);
        foreach (var warning in ConfigFileSchema.Validate(config, path))
        {
            log.Warn("config", warning);
        }

        var parents = config[ConfigKeys.Extends] switch
        {
            JArray array => array.Values<string>().OfType<string>().ToList(),
            JValue { Type: JTokenType.String } single => [single.Value<string>()!],
            _ => [],
        };
        config.Remove(ConfigKeys.Extends);
        var merged = config;
        foreach (var parent in parents)
        {
            var parentPath = Path.GetFullPath(parent, Path.GetDirectoryName(path)!);
            if (!File.Exists(parentPath))
            {
                log.Warn("config", $"{path}: extends {parent}: {parentPath} does not exist; skipped.");
                continue;
            }

            if (LoadWithParents(parentPath) is { } parentConfig)
            {
                merged = ConfigMerger.Merge(parentConfig, merged);
            }
        }

        return merged;
    }

    private JObject Read(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".json":
                return ReadJson(path);
            case ".js" or ".cjs" when JsConfigDisabled():
                throw new ConfigFileException(path, $"JavaScript config files are disabled here ({NoJsConfigVariable} is set): this run executes no code from the checkout. Use a .json config file, or run where the checkout is trusted");
            case ".js" or ".cjs":
                _scripts ??= new JsConfigHost(environment, log, cancellationToken);
                return _scripts.Evaluate(path);
            default:
                throw new ConfigFileException(path, $"'{extension}' config files are not supported: use .js or .cjs (CommonJS, module.exports) or .json");
        }
    }

    private bool JsConfigDisabled() => environment.Get(NoJsConfigVariable)?.ToLowerInvariant() is "1" or "true" or "yes";

    private static JObject ReadJson(string path)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(File.ReadAllText(path))) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader) as JObject ?? throw new ConfigFileException(path, "must hold a JSON object ({ … })");
        }
        catch (JsonReaderException e)
        {
            throw new ConfigFileException(path, $"is not valid JSON: {e.Message}", e);
        }
    }
}
