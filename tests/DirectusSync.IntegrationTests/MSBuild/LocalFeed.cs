using System.Reflection;
using DirectusSync.IntegrationTests.Sandbox;

namespace DirectusSync.IntegrationTests.MSBuild;

/// <summary>
/// A local NuGet folder feed with freshly packed DirectusSync packages (a version of their own, so no cache can
/// hand out an older build), and a package cache of its own for whatever restores from it.
/// </summary>
public sealed class LocalFeed
{
    private LocalFeed(string root, string version)
    {
        Root = root;
        Version = version;
    }

    /// <summary>The folder: packages/ (the feed) and cache/ (NUGET_PACKAGES).</summary>
    public string Root { get; }

    /// <summary>The feed folder.</summary>
    public string Packages => Path.Combine(Root, "packages");

    /// <summary>The package cache (NUGET_PACKAGES / RestorePackagesPath).</summary>
    public string Cache => Path.Combine(Root, "cache");

    /// <summary>The version every package of this feed has.</summary>
    public string Version { get; }

    /// <summary>The configuration the tests were built with (the projects packed were built with it too).</summary>
    public static string Configuration { get; } =
        typeof(LocalFeed).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>An empty feed under <paramref name="root"/>.</summary>
    public static LocalFeed Create(string root) =>
        new(root, $"0.1.0-it.{DateTime.UtcNow:yyyyMMddHHmmss}.r{Guid.NewGuid().ToString("N")[..6]}");

    /// <summary>
    /// Packs a project of src/ into the feed. <paramref name="build"/> false packs what the test build already
    /// built (DirectusSync.MSBuild is a project reference of the tests for that).
    /// </summary>
    public async Task PackAsync(string project, bool build)
    {
        var arguments = new List<string>
        {
            "pack", Path.Combine(RepositoryRoot.Path, "src", project, project + ".csproj"),
            "-c", Configuration, "-o", Packages, $"-p:PackageVersion={Version}", "-nodeReuse:false",
        };
        if (!build)
        {
            arguments.Add("--no-build");
        }

        var result = await ChildProcess.RunAsync("dotnet", arguments, RepositoryRoot.Path, new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack {project} failed, {result}");
        }
    }

    /// <summary>A NuGet.config with this feed first and nuget.org, and nothing inherited.</summary>
    public string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{Packages}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
        </configuration>
        """;
}
