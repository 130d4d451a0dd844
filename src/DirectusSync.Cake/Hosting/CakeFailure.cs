using Cake.Core;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake.Hosting;

/// <summary>
/// The Cake form of a classified failure: a <see cref="CakeException"/> (sealed, so the category travels in its
/// message and in <see cref="Exception.Data"/> under <see cref="CategoryKey"/>), exit code 1 as the CLI's, the
/// original failure as the inner exception.
/// </summary>
public static class CakeFailure
{
    /// <summary>The <see cref="Exception.Data"/> key that holds the <see cref="FailureCategory"/>.</summary>
    public const string CategoryKey = "DirectusSync.FailureCategory";

    /// <summary>The process exit code of a failed alias (the CLI's <c>Error</c>).</summary>
    public const int ExitCode = 1;

    /// <summary>The exception for <paramref name="failure"/>.</summary>
    public static CakeException From(SyncFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var exception = new CakeException(ExitCode, $"DirectusSync failed ({Describe(failure.Category)}): {failure.Describe()}", failure.Exception);
        exception.Data[CategoryKey] = failure.Category;
        return exception;
    }

    /// <summary>The category of an exception made by <see cref="From"/>, or null.</summary>
    public static FailureCategory? CategoryOf(Exception exception) =>
        exception?.Data[CategoryKey] is FailureCategory category ? category : null;

    private static string Describe(FailureCategory category) => category switch
    {
        FailureCategory.Usage => "invalid settings",
        FailureCategory.DumpFile => "dump file",
        FailureCategory.Authentication => "credentials refused",
        FailureCategory.LicenceRestriction => "licence restriction",
        FailureCategory.Unreachable => "Directus unreachable",
        FailureCategory.ServerError => "Directus error",
        FailureCategory.Version => "unsupported Directus version",
        FailureCategory.GuardRefusal => "refused by a guard",
        FailureCategory.Stopped => "stopped",
        FailureCategory.Canceled => "canceled",
        _ => "unexpected error",
    };
}
