namespace DirectusSync.MSBuild.Configuration;

/// <summary>What a task runs.</summary>
internal enum SyncCommand
{
    /// <summary>Pull (and backup, which is a pull into a dated folder).</summary>
    Pull,

    /// <summary>Diff: the drift check.</summary>
    Diff,

    /// <summary>Push.</summary>
    Push,
}
