using System.Globalization;
using System.Text.RegularExpressions;
using DirectusSync.Core.Execution;
using DirectusSync.Core.Seed;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Diff;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// Turns any failure of a run into a <see cref="SyncFailure"/>: one table for every front end, so the CLI, the
/// MSBuild tasks and the Cake aliases agree on what a failure is. A 403 <c>RESOURCE_RESTRICTED</c> is a licence
/// restriction, not a credentials problem: new credentials would not help.
/// </summary>
public static partial class SyncFailureClassifier
{
    /// <summary>The failure <paramref name="error"/> stands for; <paramref name="connection"/> lets hints say where the URL and credentials came from.</summary>
    public static SyncFailure Classify(Exception error, ConnectionSettings? connection = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        error = Unwrap(error);
        return error switch
        {
            ICategorizedFailure categorized => Plain(error, categorized.Category),
            DumpFileException e => AtFile(e),
            PlanValidationException e => Plain(error, FailureCategory.DumpFile) with { Problems = e.Problems },
            SyncOptionsException e => Plain(error, FailureCategory.Usage) with { Option = e.Option },
            UnsupportedDirectusVersionException => Plain(error, FailureCategory.Version),
            DirectusApiException { ErrorCode: "RESOURCE_RESTRICTED" } e => Api(e, FailureCategory.LicenceRestriction, null),
            DirectusApiException { StatusCode: 0 } e => Api(e, FailureCategory.Unreachable,
                connection is null ? null : $"Is Directus running at {connection.Url?.Value ?? "the URL"}? (URL from {connection.UrlOrigin})"),
            DirectusApiException { StatusCode: 401 } e => Api(e, FailureCategory.Authentication,
                connection is null ? null : $"Check the credentials (from {connection.CredentialsOrigin})."),
            DirectusApiException { StatusCode: 403 } e => Api(e, FailureCategory.Authentication,
                connection is null ? null : $"DirectusSync needs an administrator's token or login (from {connection.CredentialsOrigin})."),
            DirectusApiException e => Api(e, FailureCategory.ServerError, null),
            TimeoutException => Plain(error, FailureCategory.Unreachable),
            OperationCanceledException => Plain(error, FailureCategory.Canceled),
            SeedPushException or InvalidOperationException => Plain(error, FailureCategory.Stopped),
            _ => new SyncFailure { Category = FailureCategory.Unexpected, Message = $"{error.GetType().Name}: {error.Message}", Exception = error },
        };
    }

    /// <summary>Every failure in <paramref name="error"/>: the inner failures of an aggregate, else the one.</summary>
    public static IReadOnlyList<SyncFailure> ClassifyAll(Exception error, ConnectionSettings? connection = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is AggregateException aggregate
            ? aggregate.Flatten().InnerExceptions.Select(e => Classify(e, connection)).ToList()
            : [Classify(error, connection)];
    }

    private static SyncFailure Plain(Exception error, FailureCategory category) =>
        new() { Category = category, Message = error.Message, Exception = error };

    private static SyncFailure Api(DirectusApiException error, FailureCategory category, string? hint) =>
        new() { Category = category, Message = error.Message, Hint = hint, StatusCode = error.StatusCode, Exception = error };

    private static SyncFailure AtFile(DumpFileException error)
    {
        var location = LinePosition().Match(error.Problem);
        return new SyncFailure
        {
            Category = FailureCategory.DumpFile,
            Message = error.Message,
            File = error.FilePath,
            Line = location.Success ? int.Parse(location.Groups["line"].Value, CultureInfo.InvariantCulture) : 0,
            Column = location.Success ? int.Parse(location.Groups["column"].Value, CultureInfo.InvariantCulture) : 0,
            Exception = error,
        };
    }

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;

    // The storage layer words JSON errors "… at line 3, position 7: …".
    [GeneratedRegex(@"at line (?<line>\d+), position (?<column>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex LinePosition();
}
