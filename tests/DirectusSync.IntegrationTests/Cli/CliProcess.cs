using DirectusSync.IntegrationTests.Sandbox;

namespace DirectusSync.IntegrationTests.Cli;

/// <summary>
/// Runs the built tool as `dotnet DirectusSync.Cli.dll ARGS` (what `dotnet directus-sync ARGS` runs) in a working
/// directory through <see cref="ChildProcess"/>, with a controlled environment: the test process's variables minus
/// every DIRECTUS_* one, plus the given ones.
/// </summary>
public sealed class CliProcess
{
    private static readonly string Dll = FindDll();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal) { ["NO_COLOR"] = "1" };

    /// <summary>A process that runs in <paramref name="workingDirectory"/>.</summary>
    public CliProcess(string workingDirectory)
    {
        WorkingDirectory = workingDirectory;
    }

    /// <summary>The working directory.</summary>
    public string WorkingDirectory { get; }

    /// <summary>A process pointed at <paramref name="instance"/> through DIRECTUS_URL and DIRECTUS_TOKEN.</summary>
    public static CliProcess For(DirectusInstance instance, string workingDirectory) =>
        new CliProcess(workingDirectory)
            .With("DIRECTUS_URL", instance.Url.ToString().TrimEnd('/'))
            .With("DIRECTUS_TOKEN", DirectusInstance.AdminToken);

    /// <summary>Sets (or, with null, leaves unset) an environment variable of the process.</summary>
    public CliProcess With(string name, string? value)
    {
        if (value is null)
        {
            _environment.Remove(name);
        }
        else
        {
            _environment[name] = value;
        }

        return this;
    }

    /// <summary>Runs the tool and waits for it (3 minutes at most).</summary>
    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        var result = await ChildProcess.RunAsync("dotnet", [Dll, .. arguments], WorkingDirectory, _environment, TimeSpan.FromMinutes(3));
        return new CliResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    // The ProjectReference copies the tool (dll, deps.json, runtimeconfig.json) next to the tests.
    private static string FindDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "DirectusSync.Cli.dll");
        if (!File.Exists(dll) || !File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException($"The CLI is not built next to the tests ({dll}): build DirectusSync.Build.sln first.");
        }

        return dll;
    }
}
