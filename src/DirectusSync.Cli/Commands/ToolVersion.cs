using System.Reflection;

namespace DirectusSync.Cli.Commands;

/// <summary>This tool's version (the package version, without build metadata).</summary>
internal static class ToolVersion
{
    /// <summary>E.g. 0.1.0.</summary>
    public static string Current { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
