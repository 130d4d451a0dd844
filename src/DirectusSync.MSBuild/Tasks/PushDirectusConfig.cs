using DirectusSync.Core.Execution;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;
using DirectusSync.MSBuild.Configuration;
using DirectusSync.MSBuild.Diagnostics;
using DirectusSync.MSBuild.Logging;
using DirectusSync.MSBuild.Running;
using Microsoft.Build.Framework;

namespace DirectusSync.MSBuild.Tasks;

/// <summary>
/// Applies the dump to the instance (target DirectusSyncPush) through the core's <see cref="PushWorkflow"/>. The plan
/// is computed first: no drift ends there (id-map housekeeping alone pushes nothing), <see cref="DryRun"/> logs it and
/// warns about what the deletion guard would stop; a push the guard stops fails with DSYNC0401 (items, unless
/// <see cref="AllowDeletes"/>) or DSYNC0402 (collections, fields, relations, unless <see cref="AllowSchemaDeletes"/>).
/// </summary>
public sealed class PushDirectusConfig : DirectusSyncTask
{
    /// <summary>Let Directus apply a snapshot of another version or database vendor (false).</summary>
    public bool Force { get; set; }

    /// <summary>How many verify-and-finish passes a push may make (20; 0 = unlimited).</summary>
    public int MaxPushRetries { get; set; } = 20;

    /// <summary>mirror (create, update, delete), merge (never delete) or add (create only). mirror.</summary>
    public string? Mode { get; set; }

    /// <summary>Let a mirror push delete items beyond what the core's deletion guard lets through (false).</summary>
    public bool AllowDeletes { get; set; }

    /// <summary>Let a mirror push drop the collections, fields and relations the dump's snapshot lacks (false).</summary>
    public bool AllowSchemaDeletes { get; set; }

    /// <summary>Compute and log the plan, write nothing (false).</summary>
    public bool DryRun { get; set; }

    /// <summary>How many changes the push made (or would make, in a dry run).</summary>
    [Output]
    public int ChangeCount { get; private set; }

    private protected override SyncCommand Command => SyncCommand.Push;

    private protected override SyncInputs Inputs() => base.Inputs() with { Force = Force, MaxPushRetries = MaxPushRetries, Mode = Mode };

    private protected override async Task<IReadOnlyList<Diagnostic>> RunAsync(
        DirectusSyncEngine engine, TaskSettings settings, DiagnosticLogger logger, CancellationToken cancellationToken)
    {
        var workflow = new PushWorkflow(engine, new MSBuildSyncLog(logger));
        var request = new PushRequest(settings.Sync) { Consent = new DeletionConsent { Items = AllowDeletes, Schema = AllowSchemaDeletes } };
        var planned = await workflow.RunAsync(request with { DryRun = true }, cancellationToken).ConfigureAwait(false);
        var summary = PlanSummary.Of(planned.Planned.Plan);
        if (!summary.HasDrift)
        {
            // Id-map housekeeping alone is not drift: a dump pulled a moment ago pushes nothing.
            logger.Message(MessageImportance.High, Messages.PushNothing, planned.Planned.Server.Version, settings.Client.BaseUrl, settings.Sync.DumpPath);
            return [];
        }

        if (DryRun)
        {
            ChangeCount = summary.ChangeCount;
            logger.Message(MessageImportance.High, Messages.PushDryRun, summary);
            return DeletionDiagnostics.WouldStop(planned.Verdict);
        }

        PushOutcome outcome;
        try
        {
            outcome = await workflow.RunAsync(request with { Planned = planned.Planned }, cancellationToken).ConfigureAwait(false);
        }
        catch (DeletionRefusedException refused)
        {
            return DeletionDiagnostics.Of(refused);
        }

        var result = outcome.Result!;
        ChangeCount = Count(result) + (result.SchemaApplied ? summary.Schema?.Total ?? 0 : 0);
        logger.Message(MessageImportance.High, Messages.PushDone, settings.Client.BaseUrl, settings.Sync.DumpPath, Describe(result));
        return [];
    }

    private static int Count(PushResult result) =>
        result.Counts.Values.Sum(c => c.Created + c.Updated + c.Deleted + c.DanglingRemoved);

    private static string Describe(PushResult result)
    {
        var parts = new List<string>();
        if (result.SchemaApplied)
        {
            parts.Add("schema applied");
        }

        parts.AddRange(result.Counts
            .Where(c => c.Value.Created + c.Value.Updated + c.Value.Deleted + c.Value.DanglingRemoved > 0)
            .Select(c => $"{c.Key}: {c.Value.Created} created, {c.Value.Updated} updated, {c.Value.Deleted} deleted, {c.Value.DanglingRemoved} dangling map(s) removed"));
        return parts.Count == 0 ? "id maps only" : string.Join("; ", parts);
    }
}
