namespace DirectusSync.Benchmarks;

/// <summary>
/// A sandbox Directus started through build/sandbox/directus.sh with request logging on, so the requests
/// each tool sends can be counted from the server's own log.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    /// <summary>The sandbox's static admin token.</summary>
    public const string Token = "sandbox-static-admin-token";

    private readonly string _root;

    private SandboxServer(string root, string name, Uri url, string directory)
    {
        _root = root;
        Name = name;
        Url = url;
        Directory = directory;
    }

    /// <summary>Instance name.</summary>
    public string Name { get; }

    /// <summary>Base URL.</summary>
    public Uri Url { get; }

    /// <summary>Instance folder (server.log).</summary>
    public string Directory { get; }

    /// <summary>Starts a fresh instance.</summary>
    public static async Task<SandboxServer> StartAsync(string root, string name, string version)
    {
        var output = await RunAsync(root, new Dictionary<string, string>
        {
            ["DIRECTUS_VERSION"] = version,
            ["DX_FRESH"] = "1",
            ["DX_PORT"] = "0",
            ["DX_LOG_LEVEL"] = "info",
            // The reference sends the whole schema snapshot as one JSON body; at full size that is several MB.
            ["DX_MAX_PAYLOAD_SIZE"] = "64mb",
        }, "up", name);
        var values = output.Split('\n').Select(l => l.Trim().Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        return new SandboxServer(root, name, new Uri(values["DIRECTUS_URL"]), values["DIRECTUS_INSTANCE_DIR"]);
    }

    /// <summary>Requests logged so far (one JSON line per request at info level).</summary>
    public int RequestCount() => CountLogLines(_ => true);

    /// <summary>Id-map rows created so far through directus-extension-sync (one POST each).</summary>
    public int IdMapPostCount() => CountLogLines(line =>
        line.Contains("\"method\":\"POST\"", StringComparison.Ordinal) && line.Contains("\"url\":\"/directus-extension-sync/table/", StringComparison.Ordinal));

    private int CountLogLines(Func<string, bool> matches)
    {
        using var stream = new FileStream(Path.Combine(Directory, "server.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains("\"req\":{\"id\"", StringComparison.Ordinal) && matches(line))
            {
                count++;
            }
        }

        return count;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await RunAsync(_root, new Dictionary<string, string>(), "destroy", Name);

    private static async Task<string> RunAsync(string root, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var result = await ChildProcess.RunAsync("bash", [Path.Combine(root, "build", "sandbox", "directus.sh"), .. arguments], root, environment, TimeSpan.FromMinutes(30));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"directus.sh {string.Join(' ', arguments)} failed: {result.StandardError}");
        }

        return result.StandardOutput;
    }
}
