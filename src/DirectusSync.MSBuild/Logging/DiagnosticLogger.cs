using DirectusSync.Core.Workflow;
using DirectusSync.MSBuild.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DirectusSync.MSBuild.Logging;

/// <summary>
/// Writes <see cref="Diagnostic"/>s and messages to MSBuild: the code is taken from the resource text (the
/// <c>{StrBegin="DSYNCnnnn: "}</c> convention), secrets are masked by Core's <see cref="SecretRedactor"/>, names are
/// escaped by <see cref="LogText.Message"/> (a build log is a CI log: no control characters, no workflow
/// commands), and a file at fault becomes the location.
/// </summary>
internal sealed class DiagnosticLogger(TaskLoggingHelper log, SecretRedactor redactor)
{
    /// <summary>Logs an error or warning.</summary>
    public void Report(Diagnostic diagnostic)
    {
        var text = Safe(log.FormatResourceString(diagnostic.ResourceName, diagnostic.Arguments));
        var code = log.ExtractMessageCode(text, out var message);
        if (diagnostic.IsWarning)
        {
            log.LogWarning(null, code, null, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, message);
        }
        else
        {
            log.LogError(null, code, null, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, message);
        }
    }

    /// <summary>Logs a message from the resources (no code).</summary>
    public void Message(MessageImportance importance, string resourceName, params object[] arguments) =>
        Text(importance, log.FormatResourceString(resourceName, arguments));

    /// <summary>Logs a text as it is (never formatted: it may hold braces).</summary>
    public void Text(MessageImportance importance, string text) =>
        log.LogMessage(importance, Safe(text));

    private string Safe(string text) => LogText.Message(redactor.Redact(text));
}
