using DirectusSync.IntegrationTests.Sandbox;

namespace DirectusSync.IntegrationTests.MSBuild;

/// <summary>
/// A project of an "existing solution" that adds DirectusSync.MSBuild with one PackageReference, in a folder of its
/// own (its own NuGet.config and Directory.Build.* files, so nothing of this repository leaks in), built with a real
/// <c>dotnet msbuild -nodeReuse:false</c>.
/// </summary>
public sealed class ConsumerProject
{
    private readonly LocalFeed _feed;
    private readonly DirectusInstance _directus;

    private ConsumerProject(string directory, LocalFeed feed, DirectusInstance directus)
    {
        Directory = directory;
        _feed = feed;
        _directus = directus;
    }

    /// <summary>The project's folder.</summary>
    public string Directory { get; }

    /// <summary>The dump folder (the package's default: directus-config beside the project).</summary>
    public string DumpPath => Path.Combine(Directory, "directus-config");

    /// <summary>Writes the project: a class library that references the package.</summary>
    public static ConsumerProject Create(string directory, LocalFeed feed, DirectusInstance directus)
    {
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), feed.NuGetConfig());
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Shop.Web.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RestorePackagesPath>{feed.Cache}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DirectusSync.MSBuild" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Catalog.cs"), "namespace Shop.Web;\n\npublic static class Catalog\n{\n}\n");
        return new ConsumerProject(directory, feed, directus);
    }

    /// <summary>
    /// Runs <c>dotnet msbuild -t:TARGETS -nodeReuse:false</c> with the URL and token in the environment, as a CI job
    /// has them (DIRECTUS_URL, DIRECTUS_TOKEN), and the given extra arguments (-p:…, -v:…, -restore).
    /// </summary>
    public Task<ProcessResult> MSBuildAsync(string targets, params string[] arguments) =>
        ChildProcess.RunAsync("dotnet", ["msbuild", $"-t:{targets}", "-nodeReuse:false", "-nologo", .. arguments], Directory, new Dictionary<string, string>
        {
            ["DIRECTUS_URL"] = _directus.Url.ToString().TrimEnd('/'),
            ["DIRECTUS_TOKEN"] = DirectusInstance.AdminToken,
            ["NUGET_PACKAGES"] = _feed.Cache,
        });
}
