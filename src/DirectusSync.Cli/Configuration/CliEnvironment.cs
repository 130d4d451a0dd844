namespace DirectusSync.Cli.Configuration;

/// <summary>
/// The environment a run sees: the process's variables plus those of <c>.env</c> in the working directory,
/// which never override a variable that is already set (dotenv's rule).
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Creates it from explicit values (tests).</summary>
    public CliEnvironment(string workingDirectory, IReadOnlyDictionary<string, string> variables)
    {
        WorkingDirectory = workingDirectory;
        Variables = variables;
    }

    /// <summary>The working directory (relative paths and default config files resolve against it).</summary>
    public string WorkingDirectory { get; }

    /// <summary>All variables, .env included.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    public string? Get(string name) => Variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The current process's environment and working directory, with <c>.env</c> read.</summary>
    public static CliEnvironment FromProcess()
    {
        var cwd = Directory.GetCurrentDirectory();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return new CliEnvironment(cwd, WithDotEnv(variables, cwd));
    }

    /// <summary>Adds the variables of <c>&lt;directory&gt;/.env</c> that are not set yet.</summary>
    public static IReadOnlyDictionary<string, string> WithDotEnv(IReadOnlyDictionary<string, string> variables, string directory)
    {
        var path = Path.Combine(directory, ".env");
        if (!File.Exists(path))
        {
            return variables;
        }

        var merged = new Dictionary<string, string>(variables, StringComparer.Ordinal);
        foreach (var (key, value) in DotEnvFile.Parse(File.ReadAllText(path)))
        {
            merged.TryAdd(key, value);
        }

        return merged;
    }
}
