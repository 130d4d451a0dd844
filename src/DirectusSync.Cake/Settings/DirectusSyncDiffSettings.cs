namespace DirectusSync.Cake.Settings;

/// <summary>Settings of <c>DirectusSyncDiff</c>.</summary>
public sealed class DirectusSyncDiffSettings : DirectusSyncSettings
{
    /// <summary>Fail the build when the server differs from the dump (false: return the plan).</summary>
    public bool FailOnDrift { get; set; }

    /// <summary>
    /// Show the values of changed fields in the log and the drift message (<c>--show-values</c>); false (the
    /// default): only which items and fields change. Secret-looking values stay masked either way.
    /// </summary>
    public bool ShowValues { get; set; }
}
