using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;
using DirectusSync.MSBuild.Configuration;
using DirectusSync.MSBuild.Diagnostics;
using DirectusSync.MSBuild.Logging;
using DirectusSync.MSBuild.Reporting;
using Microsoft.Build.Framework;

namespace DirectusSync.MSBuild.Tasks;

/// <summary>
/// The drift check (target DirectusSyncDiff): computes what a push would change, writes nothing to Directus,
/// and fails with DSYNC0100 when something would change and <see cref="FailOnDrift"/> is set.
/// </summary>
public sealed class DiffDirectusConfig : DirectusSyncTask
{
    /// <summary>Let Directus diff a snapshot of another version or database vendor (false).</summary>
    public bool Force { get; set; }

    /// <summary>Fail (DSYNC0100) on drift; otherwise warn (DSYNC0101). True.</summary>
    public bool FailOnDrift { get; set; } = true;

    /// <summary>A Markdown file to write the drift report to (empty: none).</summary>
    public string? ReportPath { get; set; }

    /// <summary>
    /// Show the values of changed fields in the log and the report (false: only which items and fields change).
    /// Secret-looking values stay masked either way.
    /// </summary>
    public bool ShowValues { get; set; }

    /// <summary>True when a push would change something.</summary>
    [Output]
    public bool HasDrift { get; private set; }

    /// <summary>How many changes a push would make (schema changes plus item and id-map steps).</summary>
    [Output]
    public int ChangeCount { get; private set; }

    private protected override SyncCommand Command => SyncCommand.Diff;

    private protected override SyncInputs Inputs() => base.Inputs() with { Force = Force };

    private protected override async Task<IReadOnlyList<Diagnostic>> RunAsync(
        DirectusSyncEngine engine, TaskSettings settings, DiagnosticLogger logger, CancellationToken cancellationToken)
    {
        var diff = await engine.DiffAsync(settings.Sync, cancellationToken).ConfigureAwait(false);
        var summary = PlanSummary.Of(diff.Plan);
        HasDrift = summary.HasDrift;
        ChangeCount = summary.ChangeCount;
        if (!string.IsNullOrWhiteSpace(ReportPath))
        {
            var path = Path.GetFullPath(ReportPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, DriftReport.Render(settings.Client.BaseUrl, diff.Server.Version.ToString(), settings.Sync.DumpPath, diff.Plan, ShowValues), cancellationToken).ConfigureAwait(false);
            logger.Message(MessageImportance.Normal, Messages.ReportWritten, path);
        }

        if (!HasDrift)
        {
            logger.Message(MessageImportance.High, Messages.DiffClean, diff.Server.Version, settings.Client.BaseUrl, settings.Sync.DumpPath);
            return [];
        }

        foreach (var line in summary.Lines(ShowValues, DriftReport.MaxListedSteps))
        {
            logger.Text(MessageImportance.Normal, line);
        }

        return [new Diagnostic(FailOnDrift ? Messages.Drift : Messages.DriftWarning, settings.Client.BaseUrl, settings.Sync.DumpPath, summary) { IsWarning = !FailOnDrift }];
    }
}
