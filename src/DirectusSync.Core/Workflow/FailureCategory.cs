namespace DirectusSync.Core.Workflow;

/// <summary>What kind of failure stopped a run; each front end maps it to its own form (exit code, DSYNCnnnn, Cake exception).</summary>
public enum FailureCategory
{
    /// <summary>Bad flags, settings or config file: fix the input.</summary>
    Usage,

    /// <summary>A dump file that cannot be read (with its path and, for JSON errors, line and column), or a dump that cannot be pushed.</summary>
    DumpFile,

    /// <summary>Directus refused the credentials (401) or the user is not an administrator (403).</summary>
    Authentication,

    /// <summary>Directus 12 without a licence refused a feature (403 RESOURCE_RESTRICTED): not a credentials problem.</summary>
    LicenceRestriction,

    /// <summary>Directus did not answer (connection refused, time-out, not ready in time).</summary>
    Unreachable,

    /// <summary>Directus answered with an error.</summary>
    ServerError,

    /// <summary>The Directus version is outside the supported matrix.</summary>
    Version,

    /// <summary>A guard refused the run before any write (e.g. deletions without consent).</summary>
    GuardRefusal,

    /// <summary>The run stopped on its own rule (no convergence, too many passes, an answer it cannot use).</summary>
    Stopped,

    /// <summary>The run was canceled.</summary>
    Canceled,

    /// <summary>A bug or an unforeseen failure.</summary>
    Unexpected,
}
