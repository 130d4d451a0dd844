namespace DirectusSync.MSBuild.Diagnostics;

/// <summary>
/// An error or warning to log, named by its resource in Strings.resx (whose text starts with the stable
/// <c>DSYNCnnnn</c> code), with the arguments of that text and, when a file is at fault, its location.
/// </summary>
/// <param name="ResourceName">The resource, e.g. <see cref="Messages.MissingUrl"/>.</param>
/// <param name="Arguments">The text's arguments.</param>
internal sealed record Diagnostic(string ResourceName, params object[] Arguments)
{
    /// <summary>The file at fault, or null for the project.</summary>
    public string? File { get; init; }

    /// <summary>The line in <see cref="File"/> (1-based), or 0.</summary>
    public int Line { get; init; }

    /// <summary>The column in <see cref="File"/> (1-based), or 0.</summary>
    public int Column { get; init; }

    /// <summary>True for a warning; errors fail the task.</summary>
    public bool IsWarning { get; init; }
}
