using System.Reflection;
using DirectusSync.Core.Sync;

namespace DirectusSync.Upgrade.Backups;

/// <summary>The DirectusSync version recorded in backups and reports.</summary>
public static class ToolVersions
{
    /// <summary>The informational version of DirectusSync.Core (e.g. 0.1.0+abc123 → 0.1.0).</summary>
    public static string DirectusSync { get; } =
        (typeof(DirectusSyncEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(DirectusSyncEngine).Assembly.GetName().Version?.ToString()
            ?? "unknown").Split('+')[0];
}
