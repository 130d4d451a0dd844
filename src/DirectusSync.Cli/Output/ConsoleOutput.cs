using DirectusSync.Core.Workflow;

namespace DirectusSync.Cli.Output;

/// <summary>
/// The two streams: stdout carries only what was asked for (<c>--version</c>, <c>--help</c>, <c>--format json</c>
/// documents); stderr carries every human line (log, progress, diff, errors). Both pass through the
/// <see cref="SecretRedactor"/> and <see cref="LogText.Lines"/>: no line can be a CI workflow command or close a
/// Markdown fence (the CI templates copy this output into job summaries).
/// </summary>
internal sealed class ConsoleOutput(TextWriter stdout, TextWriter stderr, bool colors, bool interactive)
{
    private readonly Lock _gate = new();
    private bool _progressVisible;

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
            StdOut.WriteLine(Safe(text));
            StdOut.Flush();
        }
    }

    /// <summary>Writes a line to stderr (replacing the progress line, if one is drawn).</summary>
    public void Err(string text)
    {
        lock (_gate)
        {
            ClearProgressUnlocked();
            StdErr.Write(Safe(text) + Environment.NewLine);
            StdErr.Flush();
        }
    }

    /// <summary>
    /// Draws <paramref name="text"/> as the transient progress line (terminals only): the next line written, or
    /// <see cref="ClearProgress"/>, erases it.
    /// </summary>
    public void ShowProgress(string text)
    {
        if (!Interactive)
        {
            return;
        }

        lock (_gate)
        {
            StdErr.Write(Ansi.ClearLine + Safe(text));
            StdErr.Flush();
            _progressVisible = true;
        }
    }

    /// <summary>Erases the progress line, if one is drawn.</summary>
    public void ClearProgress()
    {
        lock (_gate)
        {
            ClearProgressUnlocked();
        }
    }

    private string Safe(string text) => LogText.Lines(Redactor.Redact(text));

    private void ClearProgressUnlocked()
    {
        if (_progressVisible)
        {
            StdErr.Write(Ansi.ClearLine);
            StdErr.Flush();
            _progressVisible = false;
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
