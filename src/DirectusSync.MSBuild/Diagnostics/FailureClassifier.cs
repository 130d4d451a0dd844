using System.Text.RegularExpressions;
using DirectusSync.Core.Execution;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.MSBuild.Configuration;

namespace DirectusSync.MSBuild.Diagnostics;

/// <summary>Gives every failure of a run its stable code: the exception types of the core map onto the buckets.</summary>
internal static partial class FailureClassifier
{
    /// <summary>The diagnostics for <paramref name="failure"/>, which stopped <paramref name="command"/> against <paramref name="url"/>.</summary>
    public static IReadOnlyList<Diagnostic> Classify(Exception failure, SyncCommand command, Uri url)
    {
        if (failure is AggregateException aggregate)
        {
            return aggregate.Flatten().InnerExceptions.SelectMany(e => Classify(e, command, url)).ToList();
        }

        return failure switch
        {
            DumpFileException e => [AtFile(e)],
            PlanValidationException e => e.Problems.Select(p => new Diagnostic(Messages.CannotPush, p)).ToList(),
            SyncOptionsException e => [new Diagnostic(Messages.InvalidCollections, SettingsReader.PropertyFor(e.Option), e.Message)],
            UnsupportedDirectusVersionException e => [new Diagnostic(Messages.UnsupportedVersion, e.Message)],
            DirectusApiException { StatusCode: 0 } e => [new Diagnostic(Messages.Unreachable, url, e.DirectusMessage)],
            DirectusApiException { StatusCode: 401 or 403 } e when e.ErrorCode != "RESOURCE_RESTRICTED" =>
                [new Diagnostic(Messages.CredentialsRefused, url, e.Message)],
            DirectusApiException e => [new Diagnostic(Messages.ApiError, e.Message)],
            OperationCanceledException => [new Diagnostic(Messages.Canceled)],
            // The push's own stops: no convergence, max retries, a create that Directus answered oddly.
            InvalidOperationException e when command == SyncCommand.Push => [new Diagnostic(Messages.PushStopped, e.Message)],
            _ => [new Diagnostic(Messages.Unexpected, failure.GetType().FullName ?? failure.GetType().Name, failure.Message)],
        };
    }

    private static Diagnostic AtFile(DumpFileException e)
    {
        var location = LinePosition().Match(e.Problem);
        return new Diagnostic(Messages.BadDumpFile, e.Problem)
        {
            File = e.FilePath,
            Line = location.Success ? int.Parse(location.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            Column = location.Success ? int.Parse(location.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
        };
    }

    // The storage layer words JSON errors "… at line 3, position 7: …".
    [GeneratedRegex(@"at line (?<line>\d+), position (?<column>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex LinePosition();
}
