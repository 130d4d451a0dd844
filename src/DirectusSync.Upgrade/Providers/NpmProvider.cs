using System.Diagnostics;
using System.Globalization;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Versions;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Upgrade.Providers;

/// <summary>
/// The guide's npm upgrade: bump <c>directus</c> in package.json, <c>npm install</c>,
/// <c>directus database migrate:latest</c>, start. The server runs detached (setsid/nohup) with its PID in
/// a file, so a later build can stop it. Unix only (bash, kill).
/// </summary>
public sealed class NpmProvider(NpmProviderOptions options, ICommandRunner runner) : IDirectusProvider
{
    private const string PackageJson = "package.json";
    private const string PackageLock = "package-lock.json";

    private string Project => Path.GetFullPath(options.ProjectDirectory);

    /// <inheritdoc />
    public string Description => $"npm project {Project}";

    /// <inheritdoc />
    public Task<string?> InstalledVersionAsync(CancellationToken cancellationToken = default)
    {
        var installed = Path.Combine(Project, "node_modules", "directus", "package.json");
        return Task.FromResult(File.Exists(installed) ? JObject.Parse(File.ReadAllText(installed))["version"]?.ToString() : null);
    }

    /// <inheritdoc />
    public Task SaveAsync(string directory, DirectusVersion running, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in new[] { PackageJson, PackageLock })
        {
            var source = Path.Combine(Project, file);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(directory, file), overwrite: true);
            }
        }

        if (!File.Exists(Path.Combine(directory, PackageJson)))
        {
            throw new InvalidOperationException($"{Project} has no package.json: the npm provider needs the folder Directus is installed in.");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (ReadPid() is not { } pid)
        {
            return;
        }

        using var process = TryGetProcess(pid);
        if (process is not null)
        {
            await runner.RunAsync(new CommandLine("kill", [pid.ToString(CultureInfo.InvariantCulture)]), cancellationToken).ConfigureAwait(false);
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(options.StopTimeout);
            try
            {
                await process.WaitForExitAsync(patience.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        File.Delete(options.PidPath);
    }

    /// <inheritdoc />
    public Task BumpAsync(DirectusVersion target, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Project, PackageJson);
        // Exact version, no caret: the upgrade installs what was checked, nothing newer.
        File.WriteAllText(path, PackageJsonDependency.Set(File.ReadAllText(path), "directus", StrictVersion.Checked(target, "the target version")));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task InstallAsync(CancellationToken cancellationToken = default)
    {
        await runner.RunCheckedAsync(new CommandLine(options.NpmCommand, options.InstallArguments)
        {
            WorkingDirectory = Project,
            Environment = options.Environment,
            Timeout = options.InstallTimeout,
        }, cancellationToken).ConfigureAwait(false);
        var wanted = PackageJsonDependency.Read(File.ReadAllText(Path.Combine(Project, PackageJson)), "directus");
        var installed = await InstalledVersionAsync(cancellationToken).ConfigureAwait(false);
        if (wanted is not null && installed != wanted)
        {
            throw new InvalidOperationException($"npm install finished but node_modules/directus is {installed ?? "missing"}, not {wanted}.");
        }
    }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default) =>
        await runner.RunCheckedAsync(new CommandLine(options.NodeCommand, [Entry(), "database", "migrate:latest"])
        {
            WorkingDirectory = Project,
            Environment = DirectusEnvironment(),
            Timeout = TimeSpan.FromMinutes(15),
        }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The npm provider starts Directus with bash (setsid, nohup): use the commands provider on Windows.");
        }

        if (ReadPid() is { } running && TryGetProcess(running) is { } alive)
        {
            alive.Dispose();
            throw new InvalidOperationException($"Directus is already running from {Project} (PID {running}, {options.PidPath}).");
        }

        // Detached from this build: the server outlives it, and its output goes to a file, never to our
        // pipes (a reader waiting for their end would wait for ever).
        var script = $"setsid nohup {Quote(options.NodeCommand)} {Quote(Entry())} start > {Quote(options.LogPath)} 2>&1 < /dev/null & echo $!";
        var result = await runner.RunCheckedAsync(new CommandLine("bash", ["-c", script])
        {
            WorkingDirectory = Project,
            Environment = DirectusEnvironment(),
        }, cancellationToken).ConfigureAwait(false);
        File.WriteAllText(options.PidPath, result.Output.Trim());
    }

    /// <inheritdoc />
    public async Task RevertAsync(string directory, DirectusVersion previous, CancellationToken cancellationToken = default)
    {
        foreach (var file in new[] { PackageJson, PackageLock })
        {
            var saved = Path.Combine(directory, file);
            if (File.Exists(saved))
            {
                File.Copy(saved, Path.Combine(Project, file), overwrite: true);
            }
        }

        await InstallAsync(cancellationToken).ConfigureAwait(false);
        var installed = await InstalledVersionAsync(cancellationToken).ConfigureAwait(false);
        if (installed != previous.ToString())
        {
            throw new InvalidOperationException($"After the revert node_modules/directus is {installed ?? "missing"}, not {previous}.");
        }
    }

    private string Entry()
    {
        // run.js is what the directus wrapper calls after its update check, which asks registry.npmjs.org
        // on every command; where it exists, it is called directly.
        var api = Path.Combine(Project, "node_modules", "@directus", "api", "dist", "cli", "run.js");
        return File.Exists(api) ? api : Path.Combine(Project, "node_modules", "directus", "cli.js");
    }

    private Dictionary<string, string> DirectusEnvironment()
    {
        var environment = new Dictionary<string, string>(options.Environment);
        if (options.EnvFile is not null)
        {
            environment["CONFIG_PATH"] = options.EnvPath;
        }

        return environment;
    }

    private int? ReadPid() =>
        File.Exists(options.PidPath) && int.TryParse(File.ReadAllText(options.PidPath).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;

    private static Process? TryGetProcess(int pid)
    {
        try
        {
            var process = Process.GetProcessById(pid);
            if (!process.HasExited)
            {
                return process;
            }

            process.Dispose();
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
