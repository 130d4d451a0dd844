namespace DirectusSync.Core.Workflow;

/// <summary>
/// A push whose passes do not bring the target to the dump: a pass planned the same steps as an earlier one
/// (Directus does not keep what was written), or <c>--max-push-retries</c> passes were not enough.
/// </summary>
public sealed class PushConvergenceException(string message) : InvalidOperationException(message);
