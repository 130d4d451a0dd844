using System.Diagnostics;

namespace DirectusSync.Benchmarks;

/// <summary>One timed run of a sync tool as a process (URL and token through the environment).</summary>
public static class ToolRun
{
    /// <summary>Runs the command and returns its wall-clock time; a failure stops the benchmark with the tool's output.</summary>
    public static async Task<TimeSpan> TimeAsync(string executable, IEnumerable<string> arguments, SandboxServer? server, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        if (server is not null)
        {
            variables.TryAdd("DIRECTUS_URL", server.Url.ToString().TrimEnd('/'));
            variables.TryAdd("DIRECTUS_TOKEN", SandboxServer.Token);
        }

        // A benchmark measures the wall clock on purpose (it is a program, not a test).
        var watch = Stopwatch.StartNew();
        var result = await ChildProcess.RunAsync(executable, arguments, workingDirectory, variables, TimeSpan.FromHours(1));
        watch.Stop();
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(executable)} {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Output}");
        }

        return watch.Elapsed;
    }
}
