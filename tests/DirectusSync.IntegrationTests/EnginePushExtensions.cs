using DirectusSync.Core.Execution;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;

namespace DirectusSync.IntegrationTests;

/// <summary>
/// The push the sync scenarios run: the core's push workflow with every deletion consented (what the engine's own
/// push loop did before the workflow took it over). The scenarios specify what a push does; the deletion guard has
/// its own tests (Workflow/).
/// </summary>
internal static class EnginePushExtensions
{
    /// <summary>Pushes <paramref name="options"/> through <see cref="PushWorkflow"/>, deletions consented.</summary>
    public static async Task<PushResult> PushAsync(this DirectusSyncEngine engine, SyncOptions options, CancellationToken cancellationToken = default)
    {
        var outcome = await new PushWorkflow(engine, engine.Log).RunAsync(new PushRequest(options) { Consent = DeletionConsent.Everything }, cancellationToken)
            .ConfigureAwait(false);
        return outcome.Result!;
    }
}
