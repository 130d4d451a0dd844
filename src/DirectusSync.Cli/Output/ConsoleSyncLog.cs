using System.Globalization;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cli.Output;

/// <summary>
/// Writes the core's log lines to stderr in the reference's (pino-pretty) shape:
/// <c>[12:00:01.234] INFO: [roles] To create: 1 item(s)</c>. Without <c>--debug</c>, debug lines are hidden; on a
/// terminal the latest one is drawn as a transient progress line instead, so long work shows which collection
/// it is on.
/// </summary>
internal sealed class ConsoleSyncLog(ConsoleOutput output, SyncLogLevel minimumLevel) : ISyncLog
{
    private readonly Lock _gate = new();

    /// <summary>The lowest level written as a permanent line (Debug with --debug, else Info).</summary>
    public SyncLogLevel MinimumLevel { get; set; } = minimumLevel;

    /// <inheritdoc />
    public void Write(SyncLogLevel level, string scope, string message)
    {
        // The core's messages carry names from dumps and servers: escaped before the colours are added.
        scope = LogText.Escape(scope);
        message = LogText.Message(message);
        lock (_gate)
        {
            if (level < MinimumLevel)
            {
                if (output.Interactive && level == SyncLogLevel.Debug && MinimumLevel == SyncLogLevel.Info)
                {
                    var progress = FirstLine(string.IsNullOrEmpty(scope) ? message : $"[{scope}] {message}");
                    output.ShowProgress(Ansi.Paint("… " + Truncate(progress, Math.Max(20, WindowWidth() - 3)), output.Colors, Ansi.Gray));
                }

                return;
            }

            var time = Ansi.Paint($"[{DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)}]", output.Colors, Ansi.Gray);
            var label = level switch
            {
                SyncLogLevel.Debug => Ansi.Paint("DEBUG", output.Colors, Ansi.Blue),
                SyncLogLevel.Info => Ansi.Paint("INFO", output.Colors, Ansi.Green),
                SyncLogLevel.Warning => Ansi.Paint("WARN", output.Colors, Ansi.Yellow),
                _ => Ansi.Paint("ERROR", output.Colors, Ansi.Red),
            };
            var prefix = string.IsNullOrEmpty(scope) ? string.Empty : $"[{scope}] ";
            output.Err($"{time} {label}: {prefix}{message}");
        }
    }

    /// <summary>Removes the transient progress line, if one is drawn.</summary>
    public void ClearProgress() => output.ClearProgress();

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline];
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static int WindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
