using DirectusSync.MSBuild.Diagnostics;

namespace DirectusSync.MSBuild.Configuration;

/// <summary>The settings, or why there are none.</summary>
/// <param name="Settings">The settings, when <paramref name="Errors"/> is empty.</param>
/// <param name="Errors">What is wrong with the inputs.</param>
internal sealed record SettingsResult(TaskSettings? Settings, IReadOnlyList<Diagnostic> Errors)
{
    /// <summary>True when the task can run.</summary>
    public bool IsValid => Settings is not null && Errors.Count == 0;
}
