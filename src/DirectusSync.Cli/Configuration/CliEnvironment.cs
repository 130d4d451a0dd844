using DirectusSync.Core.Workflow;

namespace DirectusSync.Cli.Configuration;

/// <summary>
/// The environment a run sees: the process's variables plus those of <c>.env</c> in the working directory,
/// which never override a variable that is already set (dotenv's rule). It remembers which variables came from
/// <c>.env</c>, so a message can say "DIRECTUS_TOKEN from .env".
/// </summary>
internal sealed class CliEnvironment
{
    private readonly IReadOnlySet<string> _fromDotEnv;

    /// <summary>Creates it from explicit values (tests); <paramref name="dotEnv"/> are the variables of a <c>.env</c> file.</summary>
    public CliEnvironment(string workingDirectory, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string>? dotEnv = null)
    {
        WorkingDirectory = workingDirectory;
        var merged = new Dictionary<string, string>(variables, StringComparer.Ordinal);
        var fromDotEnv = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in dotEnv ?? new Dictionary<string, string>())
        {
            if (merged.TryAdd(key, value))
            {
                fromDotEnv.Add(key);
            }
        }

        Variables = merged;
        _fromDotEnv = fromDotEnv;
    }

    /// <summary>The working directory (relative paths and default config files resolve against it).</summary>
    public string WorkingDirectory { get; }

    /// <summary>All variables, .env included.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    public string? Get(string name) => Variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The connection settings layers of this environment: the process's variables over <c>.env</c>'s.</summary>
    public IReadOnlyList<SettingLayer> SettingLayers =>
    [
        SettingLayer.FromVariables(SettingSource.DotEnvFile, name => _fromDotEnv.Contains(name) ? Get(name) : null, DotEnvFile.FileName),
        SettingLayer.FromVariables(SettingSource.Environment, name => _fromDotEnv.Contains(name) ? null : Get(name)),
    ];

    /// <summary>The current process's environment and working directory, with <c>.env</c> read.</summary>
    public static CliEnvironment FromProcess()
    {
        var cwd = Directory.GetCurrentDirectory();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return new CliEnvironment(cwd, variables, DotEnvFile.Read(cwd));
    }

    /// <summary>Adds the variables of <c>&lt;directory&gt;/.env</c> that are not set yet.</summary>
    public static IReadOnlyDictionary<string, string> WithDotEnv(IReadOnlyDictionary<string, string> variables, string directory) =>
        new CliEnvironment(directory, variables, DotEnvFile.Read(directory)).Variables;
}
