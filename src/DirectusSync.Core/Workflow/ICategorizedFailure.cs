namespace DirectusSync.Core.Workflow;

/// <summary>
/// An exception that knows its category (a guard refusal, a front end's own usage error): the classifier takes
/// its category and message as they are, so new failure types need no change to <see cref="SyncFailureClassifier"/>.
/// </summary>
public interface ICategorizedFailure
{
    /// <summary>The category.</summary>
    FailureCategory Category { get; }
}
