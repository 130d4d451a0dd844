using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace DirectusSync.MSBuild.Diagnostics;

/// <summary>
/// Where the task's dependencies were loaded from, and in which load context. MSBuild loads a task assembly in a
/// load context of its own ("MSBuild plugin &lt;path&gt;") that resolves dependencies next to it first, so
/// the package's RestSharp and Newtonsoft.Json are used even though the SDK ships another Newtonsoft.Json.
/// Logged at low importance: the proof is one <c>-v:detailed</c> away.
/// </summary>
internal static class LoadedDependencies
{
    /// <summary>The assemblies that matter: the core, RestSharp, Newtonsoft.Json.</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } =
    [
        typeof(Core.Sync.DirectusSyncEngine).Assembly,
        typeof(RestSharp.RestClient).Assembly,
        typeof(Newtonsoft.Json.Linq.JToken).Assembly,
    ];

    /// <summary>(name, file version, location, load context) of each.</summary>
    public static IEnumerable<object[]> Describe() =>
        Assemblies.Select(a => new object[]
        {
            a.GetName().Name ?? "?",
            FileVersionInfo.GetVersionInfo(a.Location).FileVersion ?? a.GetName().Version?.ToString() ?? "?",
            a.Location,
            AssemblyLoadContext.GetLoadContext(a)?.Name ?? "?",
        });
}
