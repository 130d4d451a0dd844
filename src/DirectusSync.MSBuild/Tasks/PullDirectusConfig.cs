using DirectusSync.Core.Sync;
using DirectusSync.MSBuild.Configuration;
using DirectusSync.MSBuild.Diagnostics;
using DirectusSync.MSBuild.Logging;
using Microsoft.Build.Framework;

namespace DirectusSync.MSBuild.Tasks;

/// <summary>Pulls the instance's configuration into the dump folder (targets DirectusSyncPull and DirectusSyncBackup).</summary>
public sealed class PullDirectusConfig : DirectusSyncTask
{
    /// <summary>The specs folder, relative to the dump (specs).</summary>
    public string? SpecsPath { get; set; }

    /// <summary>False to skip the GraphQL and OpenAPI specs (true).</summary>
    public bool Specs { get; set; } = true;

    /// <summary>The dump folder written, as a full path.</summary>
    [Output]
    public string? DumpDirectory { get; private set; }

    /// <summary>Items written, all collections together.</summary>
    [Output]
    public int ItemCount { get; private set; }

    private protected override SyncCommand Command => SyncCommand.Pull;

    private protected override SyncInputs Inputs() => base.Inputs() with { SpecsPath = SpecsPath, Specs = Specs };

    private protected override async Task<IReadOnlyList<Diagnostic>> RunAsync(
        DirectusSyncEngine engine, TaskSettings settings, DiagnosticLogger logger, CancellationToken cancellationToken)
    {
        var result = await engine.PullAsync(settings.Sync, cancellationToken).ConfigureAwait(false);
        DumpDirectory = settings.Sync.DumpPath;
        ItemCount = result.ItemCounts.Values.Sum();
        logger.Message(MessageImportance.High, Messages.PullDone, result.Server.Version, settings.Client.BaseUrl, DumpDirectory,
            ItemCount, result.ItemCounts.Count, result.SnapshotWritten ? ", schema snapshot" : string.Empty);
        return [];
    }
}
