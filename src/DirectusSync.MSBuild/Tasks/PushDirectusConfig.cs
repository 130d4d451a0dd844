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
/// Applies the dump to the instance (target DirectusSyncPush). The plan is computed first: nothing to do ends
/// there, a plan that would delete more than a quarter of a collection stops with DSYNC0401 unless
/// <see cref="AllowDeletes"/>, and <see cref="DryRun"/> only logs it.
/// </summary>
public sealed class PushDirectusConfig : DirectusSyncTask
{
    /// <summary>Let Directus apply a snapshot of another version or database vendor (false).</summary>
    public bool Force { get; set; }

    /// <summary>How many verify-and-finish passes a push may make (20; 0 = unlimited).</summary>
    public int MaxPushRetries { get; set; } = 20;

    /// <summary>mirror (create, update, delete), merge (never delete) or add (create only). mirror.</summary>
    public string? Mode { get; set; }

    /// <summary>Let the push delete more than a quarter of a collection's tracked items (false).</summary>
    public bool AllowDeletes { get; set; }

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
        var diff = await engine.DiffAsync(settings.Sync, cancellationToken).ConfigureAwait(false);
        var summary = PlanSummary.Of(diff.Plan);
        if (summary.IsEmpty)
        {
            logger.Message(MessageImportance.High, Messages.PushNothing, diff.Server.Version, settings.Client.BaseUrl, settings.Sync.DumpPath);
            return [];
        }

        var refused = AllowDeletes ? [] : DeletionDiagnostics.Check(diff);
        if (refused.Count > 0)
        {
            return refused;
        }

        if (DryRun)
        {
            ChangeCount = summary.ChangeCount;
            logger.Message(MessageImportance.High, Messages.PushDryRun, summary);
            return [];
        }

        var result = await engine.PushAsync(settings.Sync, diff, cancellationToken).ConfigureAwait(false);
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
