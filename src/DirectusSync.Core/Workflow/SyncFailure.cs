namespace DirectusSync.Core.Workflow;

/// <summary>A classified failure: its category and a message that is safe to print (no token, no password).</summary>
public sealed record SyncFailure
{
    /// <summary>The category.</summary>
    public required FailureCategory Category { get; init; }

    /// <summary>What went wrong, naming the file, field or setting at fault.</summary>
    public required string Message { get; init; }

    /// <summary>What to do about it, naming where the settings involved came from (e.g. "from DIRECTUS_TOKEN from .env"); null when there is nothing to add.</summary>
    public string? Hint { get; init; }

    /// <summary>The file at fault (dump files).</summary>
    public string? File { get; init; }

    /// <summary>The 1-based line in <see cref="File"/>, or 0.</summary>
    public int Line { get; init; }

    /// <summary>The 1-based column in <see cref="File"/>, or 0.</summary>
    public int Column { get; init; }

    /// <summary>The option at fault, as the CLI names it (<c>--only-collections</c>), for usage errors.</summary>
    public string? Option { get; init; }

    /// <summary>The individual problems, when the failure lists several (a dump that cannot be pushed).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The HTTP status of a Directus answer (0 when none came), for server failures.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The exception classified (for a stack trace on request; its message may be less safe than <see cref="Message"/>).</summary>
    public required Exception Exception { get; init; }

    /// <summary>True for the failures a user can act on; false for <see cref="FailureCategory.Unexpected"/>.</summary>
    public bool IsExpected => Category != FailureCategory.Unexpected;

    /// <summary>The message and the hint, as one text.</summary>
    public string Describe() => Hint is null ? Message : $"{Message.TrimEnd().TrimEnd('.')}. {Hint}";
}
