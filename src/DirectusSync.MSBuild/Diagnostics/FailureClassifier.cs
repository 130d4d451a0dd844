using DirectusSync.Core.Storage;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using DirectusSync.MSBuild.Configuration;

namespace DirectusSync.MSBuild.Diagnostics;

/// <summary>Gives every failure of a run its stable code: the core's failure categories map onto the DSYNCnnnn codes.</summary>
internal static class FailureClassifier
{
    /// <summary>
    /// The diagnostics for <paramref name="failure"/>, which stopped <paramref name="command"/> against <paramref name="url"/>;
    /// <paramref name="connection"/> names where the refused credentials came from.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Classify(Exception failure, SyncCommand command, Uri url, ConnectionSettings? connection = null) =>
        SyncFailureClassifier.ClassifyAll(failure, connection).SelectMany(f => ToDiagnostics(f, command, url, connection)).ToList();

    private static IEnumerable<Diagnostic> ToDiagnostics(SyncFailure failure, SyncCommand command, Uri url, ConnectionSettings? connection) => failure.Category switch
    {
        FailureCategory.DumpFile when failure.Problems.Count > 0 => failure.Problems.Select(p => new Diagnostic(Messages.CannotPush, p)),
        FailureCategory.DumpFile => [new Diagnostic(Messages.BadDumpFile, (failure.Exception as DumpFileException)?.Problem ?? failure.Message)
        {
            File = failure.File,
            Line = failure.Line,
            Column = failure.Column,
        }],
        FailureCategory.Usage => [new Diagnostic(Messages.InvalidCollections, SettingsReader.PropertyFor(failure.Option ?? "settings"), failure.Message)],
        FailureCategory.Version => [new Diagnostic(Messages.UnsupportedVersion, failure.Message)],
        FailureCategory.Unreachable => [new Diagnostic(Messages.Unreachable, url, (failure.Exception as DirectusApiException)?.DirectusMessage ?? failure.Message)],
        FailureCategory.Authentication => [new Diagnostic(Messages.CredentialsRefused, url, failure.Message, connection?.CredentialsOrigin ?? "the task's settings")],
        // A licence restriction is the server's answer to the dump, not to the credentials (DSYNC0200, with Directus' explanation).
        FailureCategory.LicenceRestriction or FailureCategory.ServerError => [new Diagnostic(Messages.ApiError, failure.Message)],
        FailureCategory.Canceled => [new Diagnostic(Messages.Canceled)],
        // The push's own stops: no convergence, max retries, a create that Directus answered oddly, a guard.
        FailureCategory.Stopped or FailureCategory.GuardRefusal when command == SyncCommand.Push => [new Diagnostic(Messages.PushStopped, failure.Message)],
        _ => [new Diagnostic(Messages.Unexpected, failure.Exception.GetType().FullName ?? failure.Exception.GetType().Name, failure.Exception.Message)],
    };
}
