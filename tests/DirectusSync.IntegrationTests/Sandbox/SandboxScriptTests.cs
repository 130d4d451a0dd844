using System.Net;
using System.Net.Sockets;

namespace DirectusSync.IntegrationTests.Sandbox;

/// <summary>A failed provisioning fails fast with a message that says what to do, never a hang.</summary>
public sealed class SandboxScriptTests
{
    [Fact]
    public async Task Should_name_the_port_and_the_fix_When_the_port_is_taken()
    {
        // Given
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        // When
        var (exitCode, stderr) = await RunAsync(new() { ["DX_PORT"] = port.ToString() }, "up", $"port-taken-{port}");

        // Then
        exitCode.Should().NotBe(0);
        stderr.Should().Contain($"port {port} is taken").And.Contain("DX_PORT");
    }

    [Fact]
    public async Task Should_say_to_check_the_registry_When_npm_cannot_reach_it()
    {
        // Given a sandbox folder of its own and a registry that refuses connections
        var home = Path.Combine(Path.GetTempPath(), "directus-sync-tests", "no-registry-" + Guid.NewGuid().ToString("N")[..8]);

        try
        {
            // When
            var (exitCode, stderr) = await RunAsync(new() { ["DX_HOME"] = home, ["npm_config_registry"] = "http://127.0.0.1:9/" }, "install-cli");

            // Then
            exitCode.Should().NotBe(0);
            stderr.Should().Contain("npm registry is reachable");
        }
        finally
        {
            if (Directory.Exists(home))
            {
                Directory.Delete(home, recursive: true);
            }
        }
    }

    private static async Task<(int ExitCode, string Stderr)> RunAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        var result = await ChildProcess.RunAsync("bash", [Path.Combine(RepositoryRoot.Path, "build", "sandbox", "directus.sh"), .. arguments],
            RepositoryRoot.Path, environment, TimeSpan.FromMinutes(3));
        return (result.ExitCode, result.StandardError);
    }
}
