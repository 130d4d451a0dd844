namespace DirectusSync.Cli.Output;

/// <summary>
/// The two streams: stdout carries only what was asked for (<c>--version</c>, <c>--help</c>, <c>--format json</c>
/// documents); stderr carries every human line (log, progress, diff, errors). Both pass through the
/// <see cref="SecretRedactor"/>.
/// </summary>
internal sealed class ConsoleOutput(TextWriter stdout, TextWriter stderr, bool colors, bool interactive)
{
    private readonly Lock _gate = new();

    /// <summary>Masks secrets in everything written.</summary>
    public SecretRedactor Redactor { get; } = new();

    /// <summary>True when stderr shows ANSI colours (a terminal, no NO_COLOR, not TERM=dumb).</summary>
    public bool Colors { get; } = colors;

    /// <summary>True when stderr is a terminal: transient progress lines may be drawn.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>The raw stdout writer (for System.CommandLine's help).</summary>
    public TextWriter StdOut { get; } = stdout;

    /// <summary>The raw stderr writer.</summary>
    public TextWriter StdErr { get; } = stderr;

    /// <summary>Writes a line to stdout.</summary>
    public void Out(string text)
    {
        lock (_gate)
        {
            StdOut.WriteLine(Redactor.Redact(text));
            StdOut.Flush();
        }
    }

    /// <summary>Writes a line to stderr.</summary>
    public void Err(string text) => ErrRaw(text + Environment.NewLine);

    /// <summary>Writes text to stderr as it is (no newline added).</summary>
    public void ErrRaw(string text)
    {
        lock (_gate)
        {
            StdErr.Write(Redactor.Redact(text));
            StdErr.Flush();
        }
    }

    /// <summary>The process's console, with colours decided by NO_COLOR, TERM, FORCE_COLOR and redirection.</summary>
    public static ConsoleOutput FromConsole(Func<string, string?> variable)
    {
        var interactive = !Console.IsErrorRedirected;
        var noColor = !string.IsNullOrEmpty(variable("NO_COLOR")) || variable("TERM") == "dumb";
        var forceColor = variable("FORCE_COLOR") is { Length: > 0 } force && force != "0";
        return new ConsoleOutput(Console.Out, Console.Error, forceColor || (interactive && !noColor), interactive);
    }
}
