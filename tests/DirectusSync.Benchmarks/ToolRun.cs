using System.Diagnostics;

namespace DirectusSync.Benchmarks;

/// <summary>One timed run of a sync tool as a process (URL and token through the environment).</summary>
public static class ToolRun
{
    /// <summary>Runs the command and returns its wall-clock time; a failure stops the benchmark with the tool's output.</summary>
    public static async Task<TimeSpan> TimeAsync(string executable, IEnumerable<string> arguments, SandboxServer? server, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (server is not null)
        {
            start.Environment["DIRECTUS_URL"] = server.Url.ToString().TrimEnd('/');
            start.Environment["DIRECTUS_TOKEN"] = SandboxServer.Token;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(executable)} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return watch.Elapsed;
    }
}
