using DirectusSync.Core.Transport;

namespace DirectusSync.IntegrationTests.Sandbox;

/// <summary>
/// A real Directus server started by the project's own script (build/sandbox/directus.sh) on 127.0.0.1,
/// with directus-extension-sync installed. Disposing it stops the server.
/// </summary>
public sealed class DirectusInstance : IAsyncDisposable
{
    /// <summary>The sandbox's static admin token (local and throw-away, see build/sandbox/directus.sh).</summary>
    public const string AdminToken = "sandbox-static-admin-token";

    /// <summary>The sandbox admin's e-mail.</summary>
    public const string AdminEmail = "admin@example.com";

    /// <summary>The sandbox admin's password.</summary>
    public const string AdminPassword = "sandbox-admin-password";

    private DirectusInstance(string name, IReadOnlyDictionary<string, string> values)
    {
        Name = name;
        Url = new Uri(values["DIRECTUS_URL"]);
        Version = values["DIRECTUS_VERSION"];
        Database = values["DIRECTUS_DB"];
        InstanceDirectory = values["DIRECTUS_INSTANCE_DIR"];
    }

    /// <summary>The instance name (its folder under .directus/instances).</summary>
    public string Name { get; }

    /// <summary>The base URL, http://127.0.0.1:port.</summary>
    public Uri Url { get; }

    /// <summary>The Directus version it runs.</summary>
    public string Version { get; }

    /// <summary>sqlite or pg.</summary>
    public string Database { get; }

    /// <summary>The instance's folder (.env, data, logs).</summary>
    public string InstanceDirectory { get; }

    /// <summary>Starts an instance; <paramref name="fresh"/> gives it a new database.</summary>
    public static async Task<DirectusInstance> StartAsync(string name, string version = "11.17.4", string database = "sqlite", bool fresh = true, bool withExtension = true)
    {
        var output = await RunScriptAsync(new Dictionary<string, string>
        {
            ["DIRECTUS_VERSION"] = version,
            ["DX_DB"] = database,
            ["DX_FRESH"] = fresh ? "1" : "0",
            ["DX_PORT"] = "0",
            ["DX_NO_EXTENSION"] = withExtension ? "0" : "1",
        }, "up", name);
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1]);
        return new DirectusInstance(name, values);
    }

    /// <summary>A client authenticated with the static admin token; its requests go through <paramref name="handler"/> when given (a recorder, a fault).</summary>
    public DirectusClient CreateClient(HttpMessageHandler? handler = null) => new(new DirectusClientOptions
    {
        BaseUrl = Url,
        Credentials = DirectusCredentials.FromToken(AdminToken),
        Handler = handler,
    });

    /// <summary>Stops the server and keeps its folder and database (start it again with <c>fresh: false</c>).</summary>
    public async Task StopAsync() => await RunScriptAsync(new Dictionary<string, string>(), "down", Name);

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await RunScriptAsync(new Dictionary<string, string>(), "destroy", Name);

    private static async Task<string> RunScriptAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var result = await ChildProcess.RunAsync("bash", [System.IO.Path.Combine(RepositoryRoot.Path, "build", "sandbox", "directus.sh"), .. arguments],
            RepositoryRoot.Path, environment, TimeSpan.FromMinutes(15));
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException($"build/sandbox/directus.sh {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Output}");
    }
}
