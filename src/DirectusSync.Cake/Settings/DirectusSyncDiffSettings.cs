namespace DirectusSync.Cake.Settings;

/// <summary>Settings of <c>DirectusSyncDiff</c>.</summary>
public sealed class DirectusSyncDiffSettings : DirectusSyncSettings
{
    /// <summary>Fail the build when the server differs from the dump (false: return the plan).</summary>
    public bool FailOnDrift { get; set; }
}
