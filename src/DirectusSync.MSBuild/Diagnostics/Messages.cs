namespace DirectusSync.MSBuild.Diagnostics;

/// <summary>
/// The resource names of Strings.resx. The texts of diagnostics start with their code; the index of codes is at
/// the bottom of Strings.resx and in README.md.
/// </summary>
internal static class Messages
{
    /// <summary>DSYNC0001.</summary>
    public const string MissingUrl = "Settings.MissingUrl";

    /// <summary>DSYNC0002.</summary>
    public const string MissingCredentials = "Settings.MissingCredentials";

    /// <summary>DSYNC0003.</summary>
    public const string InvalidUrl = "Settings.InvalidUrl";

    /// <summary>DSYNC0004.</summary>
    public const string IncompleteLogin = "Settings.IncompleteLogin";

    /// <summary>DSYNC0005.</summary>
    public const string InvalidCollections = "Settings.InvalidCollections";

    /// <summary>DSYNC0006.</summary>
    public const string InvalidValue = "Settings.InvalidValue";

    /// <summary>DSYNC0100.</summary>
    public const string Drift = "Diff.Drift";

    /// <summary>DSYNC0101.</summary>
    public const string DriftWarning = "Diff.DriftWarning";

    /// <summary>DSYNC0200.</summary>
    public const string ApiError = "Server.ApiError";

    /// <summary>DSYNC0201.</summary>
    public const string Unreachable = "Server.Unreachable";

    /// <summary>DSYNC0202.</summary>
    public const string CredentialsRefused = "Server.CredentialsRefused";

    /// <summary>DSYNC0203.</summary>
    public const string UnsupportedVersion = "Server.UnsupportedVersion";

    /// <summary>DSYNC0300.</summary>
    public const string BadDumpFile = "Dump.BadFile";

    /// <summary>DSYNC0301.</summary>
    public const string CannotPush = "Dump.CannotPush";

    /// <summary>DSYNC0400.</summary>
    public const string PushStopped = "Push.Stopped";

    /// <summary>DSYNC0401.</summary>
    public const string TooManyDeletes = "Push.TooManyDeletes";

    /// <summary>DSYNC0402.</summary>
    public const string SchemaDeletes = "Push.SchemaDeletes";

    /// <summary>DSYNC0900.</summary>
    public const string Unexpected = "Task.Unexpected";

    /// <summary>DSYNC0901.</summary>
    public const string Canceled = "Task.Canceled";

    /// <summary>DSYNC0902 (warning).</summary>
    public const string CoreWarning = "Task.CoreWarning";

    /// <summary>Start of a run (no code).</summary>
    public const string Connecting = "Connecting";

    /// <summary>Pull finished (no code).</summary>
    public const string PullDone = "Pull.Done";

    /// <summary>Diff found nothing (no code).</summary>
    public const string DiffClean = "Diff.Clean";

    /// <summary>Diff report written (no code).</summary>
    public const string ReportWritten = "Diff.ReportWritten";

    /// <summary>Push dry run (no code).</summary>
    public const string PushDryRun = "Push.DryRun";

    /// <summary>Push had nothing to do (no code).</summary>
    public const string PushNothing = "Push.Nothing";

    /// <summary>Push finished (no code).</summary>
    public const string PushDone = "Push.Done";

    /// <summary>Where a dependency was loaded from (no code).</summary>
    public const string Loading = "Loading";
}
