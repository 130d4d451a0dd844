using System.Globalization;
using System.Text;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// Makes text that comes from a dump or a server (collection, field and item names, values, server messages)
/// safe to write to a terminal, a CI log or a Markdown summary. A name is data: it must never move the cursor,
/// recolour the terminal, run a CI workflow command (<c>##vso[…]</c>, <c>##[…]</c>, <c>::set-output …</c>,
/// <c>::add-mask::</c>) or close the code fence a summary wraps the log in. Dangerous characters become
/// visible <c>\uXXXX</c> escapes, so the reader still sees what the dump holds.
/// </summary>
public static class LogText
{
    /// <summary>
    /// One name or value, escaped for a log line: every control character (line breaks included, so a name
    /// cannot start a line of its own), bidirectional override, and the characters that would make it a CI
    /// workflow command or a Markdown fence. Idempotent.
    /// </summary>
    public static string Escape(string? value) => NeutraliseLine(EscapeControls(value, keepLineBreaks: false));

    /// <summary>
    /// A whole message (possibly several lines) for a sink that adds no colours of its own (MSBuild, Cake): line
    /// breaks and tabs stay, every other control character is escaped, and each line is neutralised as by
    /// <see cref="Lines"/>.
    /// </summary>
    public static string Message(string? message) => Lines(EscapeControls(message, keepLineBreaks: true));

    /// <summary>
    /// Neutralises CI workflow commands and Markdown fences on every line of <paramref name="text"/> and leaves
    /// everything else alone: for a sink that writes its own ANSI colours (the CLI), whose names were escaped
    /// with <see cref="Escape"/> already. Idempotent.
    /// </summary>
    public static string Lines(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = NeutraliseLine(lines[i]);
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// A name as a Markdown inline code span (for reports and job summaries): escaped like <see cref="Escape"/>, with
    /// its backticks written <c>\u0060</c> (so it cannot end the span) and <c>|</c> escaped (so it cannot split a
    /// table cell). Nothing in it renders as Markdown: no link, image or heading a dump could slip into a summary.
    /// </summary>
    public static string CodeSpan(string? value) =>
        $"`{Escape(value).Replace("`", "\\u0060", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)}`";

    private static string NeutraliseLine(string line)
    {
        line = ReplaceWorkflowCommands(line).Replace("```", "``\\u0060", StringComparison.Ordinal);

        // GitHub reads a line as a command when it starts with "::" after leading white space.
        var start = 0;
        while (start < line.Length && char.IsWhiteSpace(line[start]))
        {
            start++;
        }

        return string.CompareOrdinal(line, start, "::", 0, 2) == 0
            ? string.Concat(line.AsSpan(0, start + 1), "\\u003a", line.AsSpan(start + 2))
            : line;
    }

    // Azure DevOps reads "##vso[" and "##[" anywhere in a line (case-insensitively), GitHub reads its legacy "##[".
    private static string ReplaceWorkflowCommands(string text)
    {
        var index = text.IndexOf("##", StringComparison.Ordinal);
        if (index < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 8);
        var from = 0;
        while (index >= 0)
        {
            var after = index + 2;
            var command = (after < text.Length && text[after] == '[')
                || string.Compare(text, after, "vso[", 0, 4, StringComparison.OrdinalIgnoreCase) == 0;
            if (command)
            {
                result.Append(text, from, index + 1 - from).Append("\\u0023");
                from = index + 2;
            }

            index = text.IndexOf("##", index + 1, StringComparison.Ordinal);
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    private static string EscapeControls(string? value, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? string.Empty;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var kept = keepLineBreaks
                && (c is '\n' or '\t' || (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n'));
            if (!kept && IsUnsafe(c))
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u061C'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
