namespace DirectusSync.Upgrade.Providers;

/// <summary>A Directus installed as an npm dependency of a project folder (package.json, node_modules, .env).</summary>
public sealed record NpmProviderOptions
{
    /// <summary>The folder with package.json; Directus runs there and reads its .env from there.</summary>
    public required string ProjectDirectory { get; init; }

    /// <summary>The npm program (npm).</summary>
    public string NpmCommand { get; init; } = "npm";

    /// <summary>The node program (node).</summary>
    public string NodeCommand { get; init; } = "node";

    /// <summary>Arguments of the install step (install --no-audit --no-fund).</summary>
    public IReadOnlyList<string> InstallArguments { get; init; } = ["install", "--no-audit", "--no-fund"];

    /// <summary>Variables for npm and Directus (e.g. PATH with Node 22 first, npm_config_nodedir).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The Directus env file given as CONFIG_PATH, or null for the project's .env.</summary>
    public string? EnvFile { get; init; }

    /// <summary>Where the started server's PID is kept (directus.pid in the project folder).</summary>
    public string? PidFile { get; init; }

    /// <summary>Where the started server writes its output (directus.log in the project folder).</summary>
    public string? LogFile { get; init; }

    /// <summary>How long a stopped server may take to exit before it is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long npm install may take.</summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The PID file's path.</summary>
    public string PidPath => Path.GetFullPath(PidFile ?? Path.Combine(ProjectDirectory, "directus.pid"));

    /// <summary>The log file's path.</summary>
    public string LogPath => Path.GetFullPath(LogFile ?? Path.Combine(ProjectDirectory, "directus.log"));

    /// <summary>The env file's path (the project's .env when none is given).</summary>
    public string EnvPath => Path.GetFullPath(EnvFile ?? Path.Combine(ProjectDirectory, ".env"));
}
